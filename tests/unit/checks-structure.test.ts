import { describe, expect, it } from "vitest";
import { structureCheck } from "@/lib/checks/structure";
import type { CheckSegment, CheckVersion } from "@/lib/checks/types";

const SOURCE: CheckSegment[] = [
  { position: 1, kind: "meta", text: "新闻" },
  { position: 2, kind: "title", text: "OpenAI面临多重挑战：人才流失、财务压力与竞争对手追赶" },
  { position: 3, kind: "paragraph", text: "今年以来，多名高管相继离职。" },
  { position: 4, kind: "heading", text: "挑战者Anthropic" },
  { position: 5, kind: "paragraph", text: "从雷克到舒尔曼，Anthropic不断吸引着OpenAI的核心成员。" },
];

function check(segments: CheckSegment[]) {
  const version: CheckVersion = { id: "de", lang: "de", label: "MT", isSource: false, segments };
  const source: CheckVersion = { id: "zh", lang: "zh", label: "source", isSource: true, segments: SOURCE };
  return structureCheck.run({ version, source, others: [], glossary: [], lang: "de", speller: null, shared: new Map() });
}

const de = (position: number, text: string, kind: CheckSegment["kind"] = "paragraph"): CheckSegment => ({ position, kind, text });

describe("structure check", () => {
  it("is silent when every source position has its counterpart", () => {
    expect(check([de(1, "Nachricht", "meta"), de(2, "OpenAI steht vor Herausforderungen", "title"), de(3, "Seit Beginn des Jahres gingen viele."), de(4, "ChallengerAnthropic", "heading"), de(5, "Von Lake bis Schulman …")])).toEqual([]);
  });

  it("reports a missing paragraph at its own position, as an error on the whole (missing) cell", () => {
    const findings = check([de(1, "Nachricht", "meta"), de(2, "Titel", "title"), de(4, "ChallengerAnthropic", "heading"), de(5, "Von Lake bis Schulman …")]);
    expect(findings).toEqual([expect.objectContaining({ position: 3, start: 0, end: 0, level: "error", mqmCategory: "Accuracy/Omission", params: { kind: "paragraph" } })]);
  });

  it("reports a missing heading or site line as a warning, and an empty paragraph as an error", () => {
    const findings = check([de(2, "Titel", "title"), de(3, "  "), de(5, "Von Lake bis Schulman …")]);
    expect(findings.map((f) => [f.position, f.level])).toEqual([
      [1, "warning"],
      [3, "error"],
      [4, "warning"],
    ]);
  });

  it("reports segments beyond the source as extra text", () => {
    const findings = check([...SOURCE.map((s) => de(s.position, s.text, s.kind)), de(6, "Ein zusätzlicher Absatz.")]);
    expect(findings).toEqual([expect.objectContaining({ position: 6, level: "warning", mqmCategory: "Accuracy/Addition", params: { beyond: 1 } })]);
  });
});
