import { describe, expect, it } from "vitest";
import { brokenSentenceCheck } from "@/lib/checks/broken-sentence";
import type { CheckVersion, Finding } from "@/lib/checks/types";

function check(lang: string, text: string, kind: "paragraph" | "heading" = "paragraph"): Finding[] {
  const version: CheckVersion = { id: lang, lang, label: "MT", isSource: false, segments: [{ position: 1, kind, text }] };
  return brokenSentenceCheck.run({ version, source: null, others: [], glossary: [], lang, speller: null, shared: new Map() });
}

const words = (text: string, findings: Finding[]) => findings.map((f) => [f.level, text.slice(f.start, f.end)]);

describe("broken-sentence check", () => {
  it("finds the German seed's capitalised function words after a comma and inside a clause", () => {
    const seed12 = "dass die Branche Brockmans Schritt als bevorstehenden Abgang interpretiert, da der ehemalige Mitbegründer von OpenAI, Auch Andrej Karpathy trat nach einem längeren Urlaub zurück.";
    expect(words(seed12, check("de", seed12))).toEqual([["error", "Auch"]]);
    const seed13 = "könnte sich allmählich schließen, zweitens GPT5 Bei der Entwicklung von Modellen der nächsten Generation ist möglicherweise ein Engpass aufgetreten.";
    expect(words(seed13, check("de", seed13))).toEqual([["error", "Bei"]]);
    const seed37 = "Wenn alle auf der etablierten Route von Transformer fahren, sind der Endpunkt und der Weg tatsächlich sehr klar. . Bei Wenn Wissenschaftler derzeit weiterhin abwandern, ist der Vorteil nicht unüberwindbar.";
    expect(words(seed37, check("de", seed37))).toEqual([["error", "Wenn"]]);
    expect(check("de", "Die berühmteste davon sind die ‚Fairy Child Eight Rebels‘.“ ', Diese acht Leute gründeten Intel.")[0]).toMatchObject({ level: "error", suggestion: "diese" });
  });

  it("finds a Spanish relative clause broken off with a comma (demo es 35)", () => {
    const es = "Este comité tiene derecho a destituir a los consejeros, Que vulneren en última instancia el propósito de la tecnología.";
    expect(words(es, check("es", es))).toEqual([["error", "Que"]]);
  });

  it("leaves German nouns, names and titles alone", () => {
    const fine = [
      "Derzeit sind nur noch drei der elf Mitbegründer übrig: Altman, Wojciech Zaremba, Leiter des Sprachteams, und Greg Brockman, der Präsident.",
      "Laut der Wochenzeitung Die Zeit wollen mehrere Institute die Zinsen anpassen, sagte er.",
      "Er sagte: „Die Aufgabe ist noch lange nicht abgeschlossen.“ Die anderen schwiegen.",
      "Das Papier „Attention Is All You Need“ legte den Grundstein. (Die Autoren haben Google verlassen.)",
      "Können Sie das erklären? Ihr Beitrag, Sie wissen schon, war wichtig.",
      "Die Governance-Konzepte und die Künstliche-Intelligenz-Unternehmen wachsen – Die Frage bleibt.",
      // Function words that are nouns too: after an article or an inflected adjective they are the nouns.
      "Das Licht reist auf geraden Wegen durch das Universum.",
      "Er blieb aus reinem Trotz zu Hause, bis das Aus für das Projekt kam.",
    ];
    for (const text of fine) expect(check("de", text), text).toEqual([]);
  });

  it("reads a bracketed aside that stands alone, as transcripts have, as the end of a sentence", () => {
    expect(check("de", "(Gelächter) Und dann stand er einfach auf und ging.")).toEqual([]);
    expect(check("de", "Das war alles. (Lachen) (Applaus) Wir haben es trotzdem geschafft.")).toEqual([]);
    expect(check("en", "(Laughter) And then we simply left the room.")).toEqual([]);
    // An aside inside a clause is no sentence end, and a semicolon is no full stop.
    const inClause = "Sie sagte (ganz leise) Und ging dann hinaus.";
    expect(words(inClause, check("de", inClause))).toEqual([["error", "Und"]]);
    const homograph = "Er kam viel zu spät Wegen des Staus auf der Autobahn.";
    expect(words(homograph, check("de", homograph))).toEqual([["error", "Wegen"]]);
    const semicolon = "Es war schon spät; Es regnete in Strömen.";
    expect(words(semicolon, check("de", semicolon))).toEqual([["error", "Es"]]);
  });

  it("leaves English titles, French and Spanish quotations and names alone", () => {
    expect(check("en", "Films such as Jaws, The Birds and Psycho are classics; in the novel The Great Gatsby, money matters.")).toEqual([]);
    expect(check("en", "What Signals Are Being Released In The Market", "heading")).toEqual([]);
    expect(check("fr", "Il a déclaré à China Business News : « Le départ de chercheurs montre que… », selon Le Monde, De Gaulle l'avait dit.")).toEqual([]);
    expect(check("es", "Declaró a China Business News: «La salida de investigadores», según El País, y De la Fuente lo confirmó.")).toEqual([]);
  });
});
