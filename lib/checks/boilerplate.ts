import { placeFindings } from "./lang-text-memo";
import { slotValue, textRecords, textSlot } from "./text-records";
import type { Check, Finding } from "./types";
import type { FindingMessageId } from "./messages";
import { inScope } from "./types";

const CATEGORY = "Accuracy/Addition";

// Names languages give themselves, as sites print them in language switchers.
const AUTONYMS = [
  "English", "Deutsch", "Français", "Español", "español", "Italiano", "Português", "Русский язык", "Русский", "Українська",
  "日本語", "中文", "简体中文", "繁體中文", "한국어", "한어", "Ελληνικά", "Suomi", "Suomalainen", "Svenska", "Dansk", "Norsk",
  "Nederlands", "Polski", "Čeština", "Magyar", "Română", "Türkçe", "Tiếng Việt", "Bahasa Indonesia", "Indonesian", "Melayu",
  "ไทย", "العربية", "فارسی", "עברית", "हिन्दी", "বাংলা", "Sanskrit", "Latina", "Català", "Eesti", "Latviešu", "Lietuvių",
  "Slovenčina", "Slovenščina", "Hrvatski", "Srpski", "Български", "Қазақ", "Filipino",
];
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const AUTONYM = new RegExp([...AUTONYMS].sort((a, b) => b.length - a.length).map(escape).join("|"), "gu");
const SWITCHER_GAP = /^[\s|/·•,;–-]*$/u;

const SOCIAL = /^(?:\s*(?:Facebook|Twitter|X|LinkedIn|WhatsApp|Telegram|Weibo|WeChat|微博|微信|E-?Mail|Email|Print|Drucken|Imprimer|Imprimir|Pinterest|Reddit|Xing|VK|ВКонтакте)\s*[|/·•,]?){2,}\s*$/iu;

// A whole segment that is only a button or a label of the site.
const BUTTON_LINES = new RegExp(
  `^\\s*(?:${[
    "share", "share this", "share this article", "share on", "teilen", "artikel teilen", "diesen artikel teilen", "partager", "partager cet article",
    "compartir", "compartir este artículo", "поделиться", "分享", "分享到", "シェア", "シェアする", "advertisement", "anzeige", "werbung",
    "publicité", "publicidad", "реклама", "广告", "広告", "read more", "weiterlesen", "mehr lesen", "lire la suite", "leer más", "читать далее",
    "阅读更多", "続きを読む", "related articles", "verwandte artikel", "articles liés", "artículos relacionados", "похожие статьи", "相关文章", "関連記事",
  ]
    .map(escape)
    .join("|")})\\s*[:.!]?\\s*$`,
  "iu",
);

// Prompts that are never article prose, wherever they appear.
const PROMPTS = new RegExp(
  [
    "share this (?:article|story|page|post)", "subscribe to (?:our|the) newsletter", "sign up for (?:our|the) newsletter", "we use cookies",
    "this (?:web)?site uses cookies", "accept (?:all )?cookies", "follow us on (?:facebook|twitter|x|instagram|linkedin)",
    "diesen artikel teilen", "teilen sie diesen artikel", "newsletter abonnieren", "zum newsletter anmelden", "wir verwenden cookies",
    "diese (?:web)?seite verwendet cookies", "cookies akzeptieren", "folgen sie uns auf",
    "partager cet article", "abonnez-vous à (?:notre|la) newsletter", "nous utilisons des cookies", "accepter les cookies", "suivez-nous sur",
    "compartir este artículo", "suscríbete a (?:nuestro|el) boletín", "utilizamos cookies", "aceptar (?:todas las )?cookies", "síguenos en",
    "подпишитесь на (?:нашу )?рассылку", "мы используем (?:файлы )?cookie", "поделиться в", "扫码关注", "关注我们", "订阅我们的", "分享到微信",
  ].join("|"),
  "giu",
);

// Cheap tests that let most segments skip the regexes: a switcher nearly always names English or German, prompts share a few stems.
// One regex over the text rather than a search per hint.
const SWITCHER_HINTS = new RegExp(["English", "Deutsch", "Français", "Español", "español", "中文", "日本語", "Русский"].map(escape).join("|"));
const PROMPT_HINTS = /ookie|ewsletter|hare this|eilen|artager|ompartir|oletín|ассылк|оделиться|olgen Sie|uivez|íguenos|ollow us|关注|订阅|分享/;
const SHORT_LINE = 80;

function finding(start: number, end: number, level: Finding["level"], messageId: FindingMessageId, message: string, params: Finding["params"]): Finding {
  return { checkId: "boilerplate", position: 0, start, end, level, message, messageId, params, mqmCategory: CATEGORY };
}

function languageSwitcher(text: string): Finding[] {
  const matches = [...text.matchAll(AUTONYM)];
  const findings: Finding[] = [];
  let i = 0;
  while (i < matches.length) {
    let j = i;
    while (j + 1 < matches.length && SWITCHER_GAP.test(text.slice(matches[j].index + matches[j][0].length, matches[j + 1].index))) j++;
    const names = new Set(matches.slice(i, j + 1).map((m) => m[0]));
    if (names.size >= 3) {
      const start = matches[i].index;
      const end = matches[j].index + matches[j][0].length;
      const wholeLine = (end - start) / Math.max(1, text.trim().length) >= 0.6;
      findings.push(
        finding(start, end, wholeLine ? "error" : "warning", "boilerplate.switcher", `A site's language switcher (${names.size} language names) is in the text`, { count: names.size }),
      );
    }
    i = j + 1;
  }
  return findings;
}

function findingsIn(text: string): Finding[] {
  const findings: Finding[] = [];
  if (SWITCHER_HINTS.test(text)) findings.push(...languageSwitcher(text));
  if (text.length <= SHORT_LINE && (BUTTON_LINES.test(text) || SOCIAL.test(text))) {
    findings.push(finding(0, 0, "warning", "boilerplate.siteLabel", "A site button or label, not article text", { text: text.trim() }));
    return findings;
  }
  if (!PROMPT_HINTS.test(text)) return findings;
  for (const match of text.matchAll(PROMPTS)) {
    findings.push(finding(match.index, match.index + match[0].length, "warning", "boilerplate.sitePrompt", `Site prompt in the text: “${match[0]}”`, { text: match[0] }));
  }
  return findings;
}

/**
 * Navigation residue copied with the article: a site's language switcher
 * ("한어Русский языкEnglishFrançais…"), share and advertising buttons on a
 * line of their own, strings of social network names, and cookie or
 * newsletter prompts inside the text. A mistranslated heading that merely
 * sounds like a button ("Geben Sie diese Signale frei") is not residue.
 */
const FOUND = textSlot();

export const boilerplateCheck: Check = {
  id: "boilerplate",
  run(input) {
    if (input.version.isSource) return [];
    const records = textRecords(input.shared, input.version);
    const findings: Finding[] = [];
    input.version.segments.forEach((segment, i) => {
      if (inScope(input, segment.position)) placeFindings(slotValue(records[i], FOUND, findingsIn), segment.position, findings);
    });
    return findings;
  },
};
