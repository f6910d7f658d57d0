import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { languageName } from "@/components/language-name";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/server/authorize";
import { glossaryOptions, listGlossaryTerms } from "@/lib/server/glossary";
import { currentActor } from "../current-actor";
import { GlossaryFilters } from "./glossary-filters";
import { ImportForm } from "./import-form";
import { TermForm } from "./term-form";
import { FixVariantButton } from "./fix-variant-button";
import { TermRowActions } from "./term-row-actions";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "glossary" });
  return { title: t("title") };
}

export default async function GlossaryPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  const search = await searchParams;
  const first = (name: string) => {
    const value = search[name];
    return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
  };
  const options = await glossaryOptions(actor);
  // Only languages that have terms are offered, so a hand-typed ?lang= cannot fail validation.
  const filters = { lang: options.languages.includes(first("lang")) ? first("lang") : "", q: first("q").slice(0, 200) };
  const terms = await listGlossaryTerms(actor, filters);
  const editable = can(actor, "glossary.edit");
  // Fix everywhere from a global term starts in the first article; the dialog widens to all articles on request.
  const fixArticle = options.articles[0]?.slug ?? null;
  const t = await getTranslations("glossary");

  const exportQuery = new URLSearchParams({ format: "csv", ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "")) });
  const languages = [...new Set([...options.languages, locale])].sort();
  const filtered = filters.lang !== "" || filters.q !== "";

  return (
    <div className={editable ? "grid gap-8 xl:grid-cols-[1fr_22rem]" : ""}>
      <section aria-labelledby="glossary-title" className="min-w-0">
        <h1 id="glossary-title" className="mb-1 text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="mb-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        {editable ? null : <p className="mb-1 text-sm text-slate-600">{t("readOnly")}</p>}
        <GlossaryFilters values={filters} languages={options.languages} />
        <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600" role="status">
            {t("count", { count: terms.length })}
          </p>
          <a
            href={`/api/v1/glossary?${exportQuery}`}
            download
            aria-label={filtered ? t("exportFiltered") : undefined}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            {t("export")}
          </a>
        </div>
        {terms.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{filtered ? t("noMatch") : t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" aria-labelledby="glossary-title">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.language")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.canonical")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.variants")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.note")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.scope")}</th>
                  {editable ? <th scope="col" className="px-3 py-2 font-medium">{t("columns.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {terms.map((term) => (
                  <tr key={term.id} data-term-id={term.id} data-lang={term.lang} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      {languageName(term.lang, locale)} <span className="text-slate-400">({term.lang})</span>
                    </td>
                    <th scope="row" lang={term.lang} className="px-3 py-2 font-medium break-words text-slate-900">
                      {term.canonical}
                    </th>
                    <td className="px-3 py-2">
                      {term.variants.length === 0 ? (
                        <span className="text-slate-400">{t("noVariants")}</span>
                      ) : (
                        <ul className="flex flex-wrap gap-1" aria-label={t("variantsOf", { canonical: term.canonical })}>
                          {term.variants.map((variant) => (
                            <li key={variant} lang={term.lang} className="rounded bg-red-50 px-1.5 py-0.5 text-red-900">
                              {variant}
                            </li>
                          ))}
                        </ul>
                      )}
                      {term.variants.length > 0 && (term.article || fixArticle) ? (
                        <div className="mt-1 flex flex-wrap gap-1">
                          {term.variants.map((variant) => (
                            <FixVariantButton key={variant} variant={variant} canonical={term.canonical} articleSlug={term.article?.slug ?? fixArticle!} />
                          ))}
                        </div>
                      ) : null}
                    </td>
                    <td className="max-w-xs px-3 py-2 break-words whitespace-pre-line text-slate-700">{term.note}</td>
                    <td className="px-3 py-2">
                      {term.article ? (
                        <Link href={`/articles/${term.article.slug}`} className="text-blue-800 hover:underline">
                          {term.article.title}
                        </Link>
                      ) : (
                        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t("global")}</span>
                      )}
                    </td>
                    {editable ? (
                      <td className="px-3 py-2">
                        <TermRowActions
                          term={{ id: term.id, lang: term.lang, canonical: term.canonical, variants: term.variants, note: term.note, articleSlug: term.article?.slug ?? null }}
                          scopes={options.articles}
                          languages={languages}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {editable ? (
        <div className="space-y-6 self-start">
          <section aria-labelledby="add-term-title" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="add-term-title" className="mb-3 text-lg font-semibold">
              {t("form.addTitle")}
            </h2>
            <TermForm scopes={options.articles} languages={languages} />
          </section>
          <ImportForm />
        </div>
      ) : null}
    </div>
  );
}
