import fs from "node:fs";
import path from "node:path";
import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { routing } from "@/i18n/routing";

type Messages = { [key: string]: string | Messages };
const dir = path.resolve(__dirname, "../../locales");
const load = (locale: string): Messages => JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8"));

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Argument names of an ICU message, from the parsed message (plural cases included). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && typeof element.value === "string" && element.type !== 0) names.add(element.value);
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}
const english = flatten(load("en"));

describe("locale files", () => {
  it("exist for exactly the routed locales", () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.replace(".json", "")).sort();
    expect(files).toEqual([...routing.locales].sort());
  });

  describe.each(routing.locales.filter((l) => l !== "en"))("%s", (locale) => {
    const messages = flatten(load(locale));

    it("has every key of en.json and no other", () => {
      const missing = [...english.keys()].filter((key) => !messages.has(key));
      const extra = [...messages.keys()].filter((key) => !english.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it("keeps the same placeholders and parses as ICU", () => {
      for (const [key, value] of messages) {
        expect(placeholders(value), `${locale}:${key}`).toEqual(placeholders(english.get(key) ?? ""));
        expect(() => new IntlMessageFormat(value, locale), `${locale}:${key}`).not.toThrow();
      }
    });
  });
});
