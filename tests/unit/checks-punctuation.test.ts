import { describe, expect, it } from "vitest";
import { punctuationCheck } from "@/lib/checks/punctuation";
import type { CheckVersion, Finding } from "@/lib/checks/types";

const version = (lang: string, texts: string[], isSource = false): CheckVersion => ({
  id: `${lang}-${isSource ? "source" : "target"}`,
  lang,
  label: "MT",
  isSource,
  segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })),
});

function check(lang: string, texts: string[], sourceTexts?: string[]): Finding[] {
  const source = sourceTexts ? version("zh", sourceTexts, true) : null;
  return punctuationCheck.run({ version: version(lang, texts), source, others: [], glossary: [], lang, speller: null, shared: new Map() });
}

const summary = (texts: string[], findings: Finding[]) => findings.map((f) => [f.position, f.level, texts[f.position - 1].slice(f.start, f.end)]);

describe("punctuation check", () => {
  it("finds German quotations closed after a full stop while the sentence goes on (seed 9, 21, 35)", () => {
    const texts = [
      "Er sagte: „Ich habe beschlossen, mit Leuten zu forschen. Peter Deng, der letztes Jahr beigetreten ist, ebenfalls offizielle Ankündigung.“ des Rücktritts.",
      "Er sagte: „Manchmal ist das Verlassen jedoch nicht unbedingt eine schlechte Sache. Es sind diese ‚Abtrünnigen‘, die sich öffnen.“ ein neues Feld und Zeiten.",
    ];
    expect(summary(texts, check("de", texts))).toEqual([
      [1, "error", ".“"],
      [2, "error", ".“"],
    ]);
  });

  it("finds a closing mark with no opening one, and a stray single quote (seed 20, 26)", () => {
    const texts = [
      "„Einfach ausgedrückt geht es darum, KI zu schaffen.“ Es erfordert, über die Dinge nachzudenken. Für eine Gruppe von Wissenschaftlern ist Sicherheit ihr Anliegen.“",
      "Die berühmteste davon sind die ‚Fairy Child Eight Rebels‘.“ ', Diese acht Leute gründeten Intel.",
    ];
    const found = summary(texts, check("de", texts));
    expect(found).toContainEqual([1, "error", "“"]);
    expect(found).toContainEqual([2, "error", "'"]);
  });

  it("finds doubled punctuation but not an ellipsis (seed 37)", () => {
    const texts = ["Der Endpunkt und der Weg sind tatsächlich sehr klar. . Bei Wenn Wissenschaftler abwandern, ist das so.", "Und dann... nichts. Oder doch… Mal sehen. . . wirklich."];
    expect(summary(texts, check("de", texts))).toEqual([[1, "error", ". ."]]);
  });

  it("finds an unclosed French guillemet and a stray Japanese closing bracket (demo fr 21, ja 21)", () => {
    const fr = ["« Les projets personnels peuvent expliquer le départ des fondateurs. Ce sont ces “rebelles” qui ouvrent une nouvelle époque, a-t-il déclaré.", "Une autre phrase."];
    expect(summary(fr, check("fr", fr, ["“个人的创业规划……开辟了新的领域和时代。”", "另一句。"]))).toEqual([[1, "error", "«"]]);
    const ja = ["同氏は「去ることは必ずしも悪いことではない」。こうした『反逆者』こそが、新たな分野と時代を切り開く」と語った。"];
    expect(summary(ja, check("ja", ja))).toEqual([[1, "error", "」"]]);
  });

  it("warns about a Russian quotation closed in the middle of a sentence (demo ru 36)", () => {
    const ru = ["В мае Амодеи заявил: «У нас семь сооснователей. Спустя три с половиной года» мы все по-прежнему работаем в компании."];
    expect(summary(ru, check("ru", ru))).toEqual([[1, "warning", "»"]]);
  });

  it("is only a warning where the source's own marks do not pair up", () => {
    const texts = ["Er sagte: Das ist alles.“"];
    expect(check("de", texts, ["他说：就这些。”"])[0].level).toBe("warning");
  });

  it("stays silent on correct quotations in every convention", () => {
    const cases: [string, string][] = [
      ["de", "Er sagte: „Die Aufgabe ist noch lange nicht abgeschlossen. Wir müssen noch eine sichere AGI aufbauen.“ Dann ging er."],
      ["de", "Musk bekam „das letzte Ticket“ und gründete xAI, um „die wahre Natur des Universums zu verstehen“."],
      ["de", "Der Roman »Der Process« erschien 1925; die ‚Exodus‘-Kultur ist älter. Li Wei'an sagte das (im Interview)."],
      ["en", "He said: \"The mission is far from complete. We still need to build a safe AGI (artificial general intelligence).\""],
      ["en", "This 'exodus' culture, as the founders' statements put it, is “common” — OpenAI's 2024... and more…"],
      ["fr", "Il a déclaré : « La mission est loin d'être accomplie » et qu'« il reste encore à construire une AGI sûre ». Vraiment ? Oui !"],
      ["fr", "Cette culture de l'“exode” domine depuis les débuts de la Silicon Valley, a-t-il déclaré."],
      ["es", "Y afirmó: «La misión está lejos de haberse cumplido. Todavía tenemos que construir una AGI (inteligencia artificial general) segura». ¿Y ahora?"],
      ["es", "Es el caso de los “ocho traidores” de Fairchild, según «el “éxodo” de Silicon Valley»."],
      ["ru", "Он сказал: «Эта культура „исхода“ преобладает с самого начала». Затем он ушёл."],
      ["ja", "同氏は「『アライメント』とは、AIシステムの行動が人間の価値観と一致するようにすることだ」と述べた。"],
      ["zh", "他表示：“这种‘出走’文化十分盛行，论文《Attention Is All You Need》的作者也离开了。”"],
    ];
    for (const [lang, text] of cases) expect(check(lang, [text]), `${lang}: ${text}`).toEqual([]);
  });

  it("lets a quotation run on into the next paragraph when that one reopens it", () => {
    const texts = ["„Das ist der erste Absatz des Zitats.", "„Und das ist der zweite“, sagte er."];
    expect(check("de", texts)).toEqual([]);
  });

  it("warns about a space before a comma or full stop, except French spacing", () => {
    const texts = ["Das ist falsch , und das auch ."];
    expect(summary(texts, check("de", texts)).map(([, level]) => level)).toEqual(["warning", "warning"]);
    expect(check("fr", ["Vraiment ? Oui ; c'est « sûr » : voilà !"])).toEqual([]);
  });
});
