import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** What a signed-in non-admin sees at an admin URL: no admin data, a way back. */
export async function AdminForbidden() {
  const t = await getTranslations("admin.forbidden");
  return (
    <section aria-labelledby="admin-forbidden" data-admin-forbidden="true" className="max-w-xl">
      <h1 id="admin-forbidden" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <Link href="/" className="mt-4 inline-block text-blue-800 underline">
        {t("back")}
      </Link>
    </section>
  );
}
