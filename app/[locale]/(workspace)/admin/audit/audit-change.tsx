import { getTranslations } from "next-intl/server";
import { WordDiffView } from "@/components/review/word-diff-view";

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
// A removed run directly followed by an added one would read as one word ("reviewereditor").
const DIFF_SPACING = "[&_del+ins]:ml-1";
const compact = (value: Json) => (value === undefined ? "" : JSON.stringify(value));

/**
 * An audit event's before → after, as text: string fields as a word diff,
 * anything else as compact JSON. Never rendered as HTML.
 */
export async function AuditChange({ before, after }: { before: Json; after: Json }) {
  const t = await getTranslations("admin.audit");
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
          return <Field key={key} name={name} code={key} before={from[key]} after={to[key]} diffLabel={t("diffOf", { field: name })} />;
        })}
      </dl>
    );
  }
  return <Values before={before} after={after} />;
}

function Field({ name, code, before, after, diffLabel }: { name: string; code: string; before: Json; after: Json; diffLabel: string }) {
  const texts = (before === undefined || typeof before === "string") && (after === undefined || typeof after === "string");
  return (
    <>
      <dt className="text-slate-500" data-field={code}>
        {name}
      </dt>
      <dd className={`min-w-0 break-words whitespace-pre-wrap ${DIFF_SPACING}`}>
        {texts && before !== after ? (
          <WordDiffView before={(before as string | undefined) ?? ""} after={(after as string | undefined) ?? ""} lang="" label={diffLabel} />
        ) : (
          <Values before={before} after={after} />
        )}
      </dd>
    </>
  );
}

function Values({ before, after }: { before: Json; after: Json }) {
  const from = compact(before);
  const to = compact(after);
  if (from === to) return <span className="font-mono text-slate-600">{to}</span>;
  return (
    <span className="font-mono break-all">
      {from ? <del className="bg-red-100 text-red-900">{from}</del> : null}
      {from && to ? " → " : null}
      {to ? <ins className="bg-green-100 text-green-900 no-underline">{to}</ins> : null}
    </span>
  );
}
