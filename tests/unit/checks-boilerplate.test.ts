import { describe, expect, it } from "vitest";
import { boilerplateCheck } from "@/lib/checks/boilerplate";
import type { CheckVersion, Finding } from "@/lib/checks/types";
import type { SegmentKind } from "@/lib/text";

function check(lang: string, text: string, kind: SegmentKind = "paragraph"): Finding[] {
  const version: CheckVersion = { id: lang, lang, label: "MT", isSource: false, segments: [{ position: 4, kind, text }] };
  return boilerplateCheck.run({ version, source: null, others: [], glossary: [], lang, speller: null, shared: new Map() });
}

const SWITCHER = "한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina";

describe("boilerplate check", () => {
  it("finds the seed's language switcher as an error covering the whole line", () => {
    const findings = check("de", SWITCHER, "meta");
    expect(findings).toEqual([expect.objectContaining({ position: 4, start: 0, end: SWITCHER.length, level: "error", params: { count: 14 }, mqmCategory: "Accuracy/Addition" })]);
  });

  it("finds a switcher glued into a paragraph as a warning on its span", () => {
    const text = "Die Personalunruhen bei OpenAI haben sich verschärft. English | Deutsch | Français | Español";
    const [found] = check("de", text);
    expect(found).toMatchObject({ level: "warning" });
    expect(text.slice(found.start, found.end)).toBe("English | Deutsch | Français | Español");
  });

  it("finds share buttons, social network strings and cookie or newsletter prompts", () => {
    expect(check("en", "Share this article")).toEqual([expect.objectContaining({ level: "warning", start: 0, end: 0 })]);
    expect(check("de", "Artikel teilen")).toHaveLength(1);
    expect(check("fr", "Facebook Twitter LinkedIn E-mail")).toHaveLength(1);
    const text = "Der Dax schloss höher. Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.";
    const [found] = check("de", text);
    expect(text.slice(found.start, found.end)).toBe("Wir verwenden Cookies");
    expect(check("es", "Suscríbete a nuestro boletín para recibir las noticias.")).toHaveLength(1);
  });

  it("leaves prose about languages, single language names and mistranslated headings alone", () => {
    expect(check("de", "Sie spricht Deutsch, Englisch und ein wenig Français; das Buch erschien auf English.")).toEqual([]);
    expect(check("es", "La inteligencia artificial en América Latina crece, según el Español de hoy.")).toEqual([]);
    expect(check("en", "Users can share their screens; the company shares this view with investors.")).toEqual([]);
    // Seed heading 8 (释放出哪些信号, "what signals are sent") badly translated: it sounds like a share button but is article text.
    expect(check("de", "Geben Sie diese Signale frei", "heading")).toEqual([]);
  });
});
