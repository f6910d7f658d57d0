import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routing } from "@/i18n/routing";
import { describeAuditValue, labelKeys } from "@/lib/audit/values";
import { MQM_CATEGORY_PATHS, SEVERITIES } from "@/lib/mqm/taxonomy";
import { ROLES } from "@/lib/validation/roles";
import { VERSION_STATUSES } from "@/lib/validation/version";

type Messages = { [key: string]: string | Messages };
const lookup = (messages: Messages, key: string): unknown => key.split(".").reduce<unknown>((at, part) => (at as Messages | undefined)?.[part], messages);

describe("audit snapshot values", () => {
  it("reads codes of known fields as codes, and other strings as text", () => {
    expect(describeAuditValue("role", "editor")).toEqual({ kind: "code", vocabulary: "role", code: "editor" });
    expect(describeAuditValue("status", "in_review")).toEqual({ kind: "code", vocabulary: "status", code: "in_review" });
    expect(describeAuditValue("sourceLang", "zh")).toEqual({ kind: "code", vocabulary: "language", code: "zh" });
    expect(describeAuditValue("note", "editor")).toEqual({ kind: "text", value: "editor" });
    expect(describeAuditValue(null, "in_review")).toEqual({ kind: "text", value: "in_review" });
  });

  it("reads null, booleans, numbers and lists of plain values as such, and records as JSON", () => {
    expect(describeAuditValue("article", null)).toEqual({ kind: "none" });
    expect(describeAuditValue("enabled", false)).toEqual({ kind: "boolean", value: false });
    expect(describeAuditValue("revision", 3)).toEqual({ kind: "number", value: 3 });
    expect(describeAuditValue("variants", ["OpenAl", "Open AI"])).toEqual({
      kind: "list",
      items: [
        { kind: "text", value: "OpenAl" },
        { kind: "text", value: "Open AI" },
      ],
    });
    expect(describeAuditValue("versions", [{ lang: "de" }])).toEqual({ kind: "json", text: '[{"lang":"de"}]' });
    // A field named like a record key is not mistaken for a vocabulary ("constructor" is no code field).
    expect(describeAuditValue("constructor", "x")).toEqual({ kind: "text", value: "x" });
  });

  for (const locale of routing.locales) {
    it(`labels every role, status, severity and category code in ${locale}`, () => {
      const messages = JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${locale}.json`), "utf8")) as Messages;
      const codes = [
        ...ROLES.map((code) => labelKeys("role", code)),
        ...[...VERSION_STATUSES, "open", "applied", "rejected", "resolved"].map((code) => labelKeys("status", code)),
        ...SEVERITIES.map((code) => labelKeys("severity", code)),
        ...MQM_CATEGORY_PATHS.map((code) => labelKeys("category", code)),
      ];
      const unlabelled = codes.filter((keys) => !keys.some((key) => typeof lookup(messages, key) === "string")).map((keys) => keys[0]);
      expect(unlabelled).toEqual([]);
      for (const key of ["none", "yes", "no"]) expect(lookup(messages, `admin.audit.values.${key}`)).toEqual(expect.any(String));
    });
  }
});
