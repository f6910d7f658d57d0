import { describe, expect, it } from "vitest";
import { boilerplateCheck } from "@/lib/checks/boilerplate";
import { brokenSentenceCheck } from "@/lib/checks/broken-sentence";
import { numbersCheck } from "@/lib/checks/numbers";
import { punctuationCheck } from "@/lib/checks/punctuation";
import { structureCheck } from "@/lib/checks/structure";
import { truncationCheck } from "@/lib/checks/truncation";
import type { Check, CheckVersion, Finding } from "@/lib/checks/types";
import { untranslatedCheck } from "@/lib/checks/untranslated";
import { splitPlainText } from "@/lib/text";
import { DEMO_LANGS, demoVersion } from "./fixtures/demo-article";

const CHECKS: Check[] = [numbersCheck, punctuationCheck, brokenSentenceCheck, truncationCheck, untranslatedCheck, boilerplateCheck, structureCheck];

function load(lang: string, text: string): CheckVersion {
  return {
    id: `demo-${lang}`,
    lang,
    label: lang === "zh" ? "source" : "demo MT",
    isSource: lang === "zh",
    segments: splitPlainText(text).map((segment, i) => ({ position: i + 1, kind: segment.kind, text: segment.text })),
  };
}

const versions = DEMO_LANGS.map((lang) => demoVersion(lang, { id: `demo-${lang}`, label: lang === "zh" ? "source" : "demo MT" }));
const source = versions[0];
const shared = new Map<string, unknown>();

function findingsFor(version: CheckVersion, src: CheckVersion | null = source, others = versions.slice(1).filter((v) => v !== version)): Finding[] {
  return CHECKS.flatMap((check) => check.run({ version, source: src, others, glossary: [], lang: version.lang, speller: null, shared: src ? shared : new Map() }));
}

const byLang = (lang: string) => versions.find((v) => v.lang === lang)!;

/** "check position «quoted text»" for each error, the way a reviewer would read the list. */
function describeErrors(version: CheckVersion, findings: Finding[]): string[] {
  return findings
    .filter((f) => f.level === "error")
    .map((f) => {
      const text = version.segments.find((s) => s.position === f.position)?.text ?? "";
      return `${f.checkId} ${f.position} «${f.start === f.end ? "" : text.slice(f.start, f.end)}»`;
    })
    .sort();
}

const wordCount = (version: CheckVersion) => version.segments.reduce((n, s) => n + (s.text.match(/\p{L}+/gu)?.length ?? 0), 0);

describe("the checks on the demo article", () => {
  it("catch the German machine translation's real damage", () => {
    const german = byLang("de");
    expect(describeErrors(german, findingsFor(german))).toEqual(
      [
        "boilerplate 4 «한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina»",
        "broken-sentence 12 «Auch»", // von OpenAI, Auch Andrej Karpathy
        "broken-sentence 13 «Bei»", // GPT5 Bei der Entwicklung
        "broken-sentence 20 «Diese»", // ‚Fairy Child Eight Rebels‘.“ ', Diese acht Leute
        "broken-sentence 37 «Wenn»", // sehr klar. . Bei Wenn
        "punctuation 20 «'»",
        "punctuation 21 «.“»", // sich öffnen.“ ein neues Feld
        "punctuation 26 «“»", // … ihr Anliegen.“ closes nothing
        "punctuation 28 «.“»", // zurückzuführen.“ zum geschaffenen Wert
        "punctuation 28 «“»",
        "punctuation 35 «.“»", // entlassen.“ die den Zweck
        "punctuation 37 «. .»",
        "punctuation 9 «.“»", // offizielle Ankündigung.“ des Rücktritts.
        "truncation 29 «d.»", // Governance-Konzepten, d.
      ].sort(),
    );
  });

  it("catch the slips planted in the other demo versions", () => {
    const errors = Object.fromEntries(["en", "fr", "es", "ru", "ja"].map((lang) => [lang, describeErrors(byLang(lang), findingsFor(byLang(lang)))]));
    expect(errors.en).toEqual(expect.arrayContaining(["numbers 17 «700 million»", "untranslated 37 «既定路线»"]));
    expect(errors.fr).toEqual(expect.arrayContaining(["numbers 17 «7 millions»", "punctuation 21 ««»"]));
    expect(errors.es).toEqual(expect.arrayContaining(["numbers 16 «mil millones»", "untranslated 20 «八叛徒»", "truncation 29 «el.»", "broken-sentence 35 «Que»"]));
    expect(errors.ru).toEqual(expect.arrayContaining(["numbers 17 «7 млн»", "untranslated 20 «仙童八叛徒»"]));
    expect(errors.ja).toEqual(expect.arrayContaining(["numbers 18 «3億»", "punctuation 21 «」»", "truncation 29 «すなわち。»"]));
    const frWarnings = findingsFor(byLang("fr")).filter((f) => f.level === "warning" && f.checkId === "untranslated");
    expect(frWarnings.map((f) => f.position)).toEqual([33]); // "very attractive for researchers"
  });

  it.each(["en", "fr", "es"])("raise no error on the clean passages of %s (under 1 per 1,000 words)", (lang) => {
    const version = byLang(lang);
    const findings = findingsFor(version);
    // Position 4 is the site's language switcher, in every version: real residue, not a slip.
    const planted = new Set([4, 11, 16, 17, 18, 20, 21, 24, 25, 27, 29, 31, 33, 35, 37]);
    const clean = findings.filter((f) => f.level === "error" && !planted.has(f.position));
    expect(clean).toEqual([]);
    const errors = findings.filter((f) => f.level === "error" && f.position !== 4).length;
    // Every error left sits on a planted slip; there are six per version.
    expect(errors).toBeLessThanOrEqual(6);
    expect(wordCount(version)).toBeGreaterThan(1500);
  });

  it("stay silent on a version checked against itself", () => {
    const english = byLang("en");
    const others = versions.filter((v) => v.lang !== "en" && v.lang !== "zh");
    const findings = CHECKS.flatMap((check) => check.run({ version: english, source: english, others, glossary: [], lang: "en", speller: null, shared: new Map() }));
    expect(findings.filter((f) => f.checkId === "structure" || f.checkId === "numbers")).toEqual([]);
  });
});

// Ordinary, well-edited news prose in four languages: quotations, numbers, names, abbreviations.
const PROSE: Record<string, string[]> = {
  de: [
    "Die Europäische Zentralbank hat den Leitzins am Donnerstag um 0,25 Prozentpunkte auf 3,75 % gesenkt. „Die Inflation nähert sich unserem Ziel von 2 %“, sagte EZB-Präsidentin Christine Lagarde in Frankfurt am Main. Die Entscheidung sei einstimmig gefallen, die Zinsen blieben aber „so lange wie nötig“ auf einem restriktiven Niveau.",
    "Ökonomen hatten den Schritt weitgehend erwartet. Nach Angaben des Statistischen Bundesamts lag die Teuerungsrate im Mai bei 2,4 %, nach 2,2 % im April. Besonders Dienstleistungen, z. B. Versicherungen und Mieten, verteuerten sich deutlich. Die Bundesbank rechnet für das laufende Jahr mit einem Wachstum von 0,3 %.",
    "Kritik kam aus Berlin: Der Finanzminister nannte die Zinssenkung „überfällig“, während Sparkassenverbände vor niedrigeren Erträgen für Sparer warnten. Laut der Wochenzeitung Die Zeit wollen mehrere Institute die Zinsen für Tagesgeld bereits im Juli anpassen. Die Deutsche Bank, die Commerzbank und die ING äußerten sich zunächst nicht.",
    "Für Unternehmen bedeutet der Schritt günstigere Kredite. Der Verband der Chemischen Industrie (VCI) sprach von einem „wichtigen Signal“, mahnte aber weitere Reformen an, etwa beim Bürokratieabbau und bei den Energiepreisen. Ob die Notenbank im September nachlegt, ließ Lagarde offen: Man entscheide „von Sitzung zu Sitzung“.",
    "Der Dax reagierte kaum und schloss mit einem Plus von 0,4 % bei 18.650 Punkten. Der Euro gab leicht nach und kostete am Abend 1,0850 US-Dollar. Analysten der Helaba erwarten bis Ende des Jahres zwei weitere Zinsschritte, sofern sich die Lohnentwicklung abschwächt.",
  ],
  en: [
    "The European Central Bank cut its key interest rate by 0.25 percentage points to 3.75% on Thursday. \"Inflation is approaching our target of 2%,\" ECB President Christine Lagarde told reporters in Frankfurt. The decision was unanimous, she said, but rates would stay \"restrictive for as long as necessary.\"",
    "Economists had widely expected the move. According to Germany's statistics office, inflation stood at 2.4% in May, up from 2.2% in April. Services such as insurance and rents became noticeably more expensive. The Bundesbank expects the economy to grow by 0.3% this year.",
    "Criticism came from Berlin, where the finance minister called the cut “overdue,” while savings banks warned of lower returns for savers. In the novel The Great Gatsby, money is a recurring theme; in the eurozone, it is the price of money that worries households. Deutsche Bank, Commerzbank and ING did not comment.",
    "For companies, the move means cheaper loans. The German chemical industry association (VCI) called it an “important signal” but urged further reforms, for example cutting red tape and lowering energy prices. Whether the central bank will cut again in September, Lagarde left open: decisions would be taken \"meeting by meeting.\"",
    "The DAX barely moved and closed 0.4% higher at 18,650 points. The euro eased slightly and traded at $1.0850 in the evening. Analysts at Helaba expect two more rate cuts by the end of the year, provided wage growth slows... and services inflation follows.",
  ],
  fr: [
    "La Banque centrale européenne a abaissé jeudi son principal taux directeur de 0,25 point, à 3,75 %. « L'inflation se rapproche de notre objectif de 2 % », a déclaré la présidente de la BCE, Christine Lagarde, à Francfort. La décision a été prise à l'unanimité, mais les taux resteront « restrictifs aussi longtemps que nécessaire ».",
    "Les économistes s'attendaient largement à cette décision. Selon l'office allemand de la statistique, l'inflation s'établissait à 2,4 % en mai, après 2,2 % en avril. Les services, comme les assurances et les loyers, ont nettement renchéri. La Bundesbank table sur une croissance de 0,3 % cette année.",
    "Les critiques sont venues de Berlin : le ministre des Finances a jugé la baisse « tardive », tandis que les caisses d'épargne mettaient en garde contre des rendements plus faibles pour les épargnants. Selon le quotidien Le Monde, plusieurs banques veulent ajuster leurs taux dès juillet. Deutsche Bank, Commerzbank et ING n'ont pas souhaité commenter.",
    "Pour les entreprises, cette décision signifie des crédits moins chers. L'association de l'industrie chimique allemande (VCI) a salué un « signal important », tout en réclamant d'autres réformes, par exemple la simplification administrative et la baisse des prix de l'énergie. Une nouvelle baisse en septembre ? Christine Lagarde n'a rien promis : la BCE décidera « réunion par réunion ».",
    "Le DAX a peu réagi et a clôturé en hausse de 0,4 %, à 18 650 points. L'euro a légèrement reculé, à 1,0850 dollar en soirée. Les analystes de Helaba prévoient deux nouvelles baisses d'ici à la fin de l'année, à condition que la hausse des salaires ralentisse…",
  ],
  es: [
    "El Banco Central Europeo rebajó el jueves su principal tipo de interés en 0,25 puntos porcentuales, hasta el 3,75 %. «La inflación se acerca a nuestro objetivo del 2 %», afirmó la presidenta del BCE, Christine Lagarde, en Fráncfort. La decisión fue unánime, aunque los tipos seguirán siendo «restrictivos durante el tiempo que sea necesario».",
    "Los economistas esperaban ampliamente la medida. Según la oficina de estadística alemana, la inflación se situó en el 2,4 % en mayo, frente al 2,2 % de abril. Los servicios, como los seguros y los alquileres, se encarecieron notablemente. El Bundesbank prevé un crecimiento del 0,3 % este año.",
    "Las críticas llegaron desde Berlín: el ministro de Finanzas calificó la rebaja de «tardía», mientras que las cajas de ahorro advirtieron de menores rendimientos para los ahorradores. Según el diario El País, varios bancos quieren ajustar sus tipos ya en julio. Deutsche Bank, Commerzbank e ING no hicieron comentarios.",
    "Para las empresas, la medida supone créditos más baratos. La asociación de la industria química alemana (VCI) habló de una «señal importante», pero reclamó más reformas, por ejemplo en la reducción de la burocracia y de los precios de la energía. ¿Habrá otra rebaja en septiembre? Lagarde no se comprometió: el BCE decidirá «reunión a reunión».",
    "El DAX apenas reaccionó y cerró con una subida del 0,4 %, en 18.650 puntos. El euro cedió ligeramente y cotizaba a 1,0850 dólares por la tarde. Los analistas de Helaba prevén dos nuevas rebajas antes de fin de año, siempre que el crecimiento de los salarios se modere.",
  ],
};

describe("the checks on ordinary professional prose", () => {
  const english = load("en", PROSE.en.join("\n\n"));

  it.each(Object.keys(PROSE))("raise no error on well-edited %s news text", (lang) => {
    const version = load(lang, PROSE[lang].join("\n\n"));
    version.segments.forEach((segment) => (segment.kind = "paragraph"));
    const src = lang === "en" ? null : english;
    const findings = CHECKS.flatMap((check) =>
      check.run({ version, source: src, others: [], glossary: [], lang, speller: null, shared: new Map() }),
    );
    expect(findings.filter((f) => f.level === "error")).toEqual([]);
    // Warnings stay rare too: at most one per paragraph.
    expect(findings.length).toBeLessThanOrEqual(version.segments.length);
  });
});
