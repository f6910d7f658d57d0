import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { can } from "@/lib/server/authorize";
import { listApiTokens } from "@/lib/server/tokens";
import { listUsers } from "@/lib/server/users";
import { currentActor } from "../../current-actor";
import { AdminForbidden } from "../admin-forbidden";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyButton } from "./revoke-key-button";

export default async function AdminApiKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  if (!can(actor, "token.list")) return <AdminForbidden />;
  const [keys, users] = await Promise.all([listApiTokens(actor), listUsers(actor)]);
  const t = await getTranslations("admin.apiKeys");
  const format = await getFormatter();
  const when = (date: Date | null) =>
    date ? <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })}</time> : t("never");
  const owners = users.filter((user) => !user.deactivatedAt).map((user) => ({ email: user.email, name: user.name }));
  return (
    <div className="grid gap-8 xl:grid-cols-[1fr_22rem]">
      <section aria-labelledby="keys-title">
        <h1 id="keys-title" className="mb-1 text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        {keys.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" aria-labelledby="keys-title">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.name")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.owner")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.start")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.created")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.lastUsed")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.status")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} data-key-id={key.id} className={`border-t border-slate-100 align-middle ${key.enabled ? "" : "text-slate-500"}`}>
                    <td className="px-3 py-2 break-words">{key.name ?? "—"}</td>
                    <td className="px-3 py-2">
                      <span className="block break-words">{key.owner.name}</span>
                      <span className="block text-xs break-all text-slate-500">{key.owner.email}</span>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{key.start ? `${key.start}…` : "—"}</td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">{when(key.createdAt)}</td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">{when(key.lastUsedAt)}</td>
                    <td className="px-3 py-2">
                      {key.enabled ? (
                        <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">{t("enabled")}</span>
                      ) : (
                        <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t("revoked")}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{key.enabled ? <RevokeKeyButton keyId={key.id} name={key.name ?? key.start ?? key.id} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CreateKeyForm owners={owners} />
    </div>
  );
}
