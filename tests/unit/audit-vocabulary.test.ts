import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routing } from "@/i18n/routing";
import { actionKey, AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_FIELDS } from "@/lib/audit/vocabulary";

type Messages = { [key: string]: string | Messages };
const lookup = (messages: Messages, key: string): unknown => key.split(".").reduce<unknown>((at, part) => (at as Messages | undefined)?.[part], messages);

describe("audit log vocabulary", () => {
  for (const locale of routing.locales) {
    it(`labels every action, entity and field in ${locale}`, () => {
      const audit = (JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${locale}.json`), "utf8")) as { admin: { audit: Messages } }).admin.audit;
      const missing = [
        ...AUDIT_ACTIONS.map(actionKey),
        ...AUDIT_ENTITIES.map((entity) => `entities.${entity}`),
        ...AUDIT_FIELDS.map((field) => `fields.${field}`),
      ].filter((key) => typeof lookup(audit, key) !== "string" || (lookup(audit, key) as string).trim() === "");
      expect(missing).toEqual([]);
    });
  }

  it("names every action lib/server writes", () => {
    // Literal actions in lib/server; AuditEntry's type makes a new one a compile error until it is listed, and this keeps the list honest.
    const dir = path.resolve(__dirname, "../../lib/server");
    const written = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      for (const match of text.matchAll(/action: (?:[\w.]+ \? )?"([\w.-]+)"(?: : "([\w.-]+)")?/g)) for (const name of match.slice(1)) if (name && /[.-]/.test(name)) written.add(name); // not orderBy { action: "asc" }
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });
});
