import { getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/components/language-name";
import { Link } from "@/i18n/navigation";

const control = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal";

/** A plain GET form: the filters live in the URL, so a filtered view can be linked and exported. */
export async function GlossaryFilters({ values, languages }: { values: { lang: string; q: string }; languages: string[] }) {
  const t = await getTranslations("glossary.filters");
  const locale = await getLocale();
  return (
    <form method="get" role="search" aria-label={t("legend")} className="mb-4 grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[12rem_1fr_auto]">
      <label className="block text-sm font-medium">
        {t("language")}
        <select name="lang" defaultValue={values.lang} className={control}>
          <option value="">{t("anyLanguage")}</option>
          {languages.map((lang) => (
            <option key={lang} value={lang}>
              {t("languageOption", { name: languageName(lang, locale), tag: lang })}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        {t("text")}
        <input type="search" name="q" defaultValue={values.q} maxLength={200} placeholder={t("textPlaceholder")} className={control} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          {t("apply")}
        </button>
        <Link href="/glossary" className="text-sm whitespace-nowrap text-blue-800 hover:underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
