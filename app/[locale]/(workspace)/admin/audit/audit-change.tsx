import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/components/language-name";
import { categoryLabel } from "@/components/mqm-format";
import { WordDiffView } from "@/components/review/word-diff-view";
import { codeVocabulary, describeAuditValue, labelKeys, type AuditValue } from "@/lib/audit/values";

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
// A removed run directly followed by an added one would read as one word ("reviewereditor").
const DIFF_SPACING = "[&_del+ins]:ml-1";

/** A snapshot value as words: "" for a field the snapshot does not have. */
type Show = (field: string | null, value: Json) => string;

/** Reads values in the reader's language: codes as their labels, lists joined, the rest as compact JSON. */
async function valueReader(): Promise<Show> {
  const [t, categories, locale, format] = await Promise.all([getTranslations(), getTranslations("categories"), getLocale(), getFormatter()]);
  // A code no label knows (another release's, or a new status) shows as it is.
  const label = (keys: string[], code: string) => {
    const key = keys.find((candidate) => t.has(candidate));
    return key ? t(key) : code;
  };
  const words = (value: AuditValue): string => {
    switch (value.kind) {
      case "none":
        return t("admin.audit.values.none");
      case "boolean":
        return t(value.value ? "admin.audit.values.yes" : "admin.audit.values.no");
      case "number":
        return format.number(value.value);
      case "text":
        return value.value;
      case "list":
        return value.items.length ? value.items.map(words).join(", ") : t("admin.audit.values.none");
      case "json":
        return value.text;
      case "code":
        if (value.vocabulary === "language") return `${languageName(value.code, locale)} (${value.code})`;
        // Level by level, as the report and the workspace name categories ("Fluency › Spelling").
        if (value.vocabulary === "category") return categoryLabel(value.code, categories);
        return label(labelKeys(value.vocabulary, value.code), value.code);
    }
  };
  return (field, value) => (value === undefined ? "" : words(describeAuditValue(field, value)));
}

/**
 * An audit event's before → after, as text: free-text fields as a word diff,
 * codes and other values as words in the reader's language. Never rendered as HTML.
 */
export async function AuditChange({ before, after }: { before: Json; after: Json }) {
  const t = await getTranslations("admin.audit");
  const show = await valueReader();
  if (before == null && after == null) return <span className="text-slate-400">{t("noChanges")}</span>;
  if (typeof before === "string" || typeof after === "string") {
    if ((before == null || typeof before === "string") && (after == null || typeof after === "string")) {
      return (
        <span className={DIFF_SPACING}>
          <WordDiffView before={before ?? ""} after={after ?? ""} lang="" label={t("diff")} />
        </span>
      );
    }
  }
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const from = before ?? {};
    const to = after ?? {};
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
        {keys.map((key) => {
          // A field of an older release's snapshot may have no label: it shows as it is.
          const name = t.has(`fields.${key}`) ? t(`fields.${key}`) : key;
          return <Field key={key} name={name} code={key} before={from[key]} after={to[key]} diffLabel={t("diffOf", { field: name })} show={show} />;
        })}
      </dl>
    );
  }
  return <Values field={null} before={before} after={after} show={show} />;
}

function Field({ name, code, before, after, diffLabel, show }: { name: string; code: string; before: Json; after: Json; diffLabel: string; show: Show }) {
  // Free text (a segment, a note) changes word by word; a code (a role, a status) changes as a whole.
  const texts = codeVocabulary(code) === null && (before === undefined || typeof before === "string") && (after === undefined || typeof after === "string");
  return (
    <>
      <dt className="text-slate-500" data-field={code}>
        {name}
      </dt>
      <dd className={`min-w-0 break-words whitespace-pre-wrap ${DIFF_SPACING}`}>
        {texts && before !== after ? (
          <WordDiffView before={(before as string | undefined) ?? ""} after={(after as string | undefined) ?? ""} lang="" label={diffLabel} />
        ) : (
          <Values field={code} before={before} after={after} show={show} />
        )}
      </dd>
    </>
  );
}

function Values({ field, before, after, show }: { field: string | null; before: Json; after: Json; show: Show }) {
  const from = show(field, before);
  const to = show(field, after);
  if (from === to) return <span className="text-slate-600">{to}</span>;
  return (
    <span className="break-words">
      {from ? <del className="bg-red-100 text-red-900">{from}</del> : null}
      {from && to ? " → " : null}
      {to ? <ins className="bg-green-100 text-green-900 no-underline">{to}</ins> : null}
    </span>
  );
}
