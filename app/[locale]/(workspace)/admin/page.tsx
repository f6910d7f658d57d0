import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { can } from "@/lib/server/authorize";
import { listUsers } from "@/lib/server/users";
import { currentActor } from "../current-actor";
import { AdminForbidden } from "./admin-forbidden";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export default async function AdminUsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor(locale);
  if (!can(actor, "user.list")) return <AdminForbidden />;
  const users = await listUsers(actor);
  const t = await getTranslations("admin.users");
  const roles = await getTranslations("roles");
  const format = await getFormatter();
  return (
    <div className="grid gap-8 xl:grid-cols-[1fr_22rem]">
      <section aria-labelledby="users-title">
        <h1 id="users-title" className="mb-1 text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="mb-4 text-sm text-slate-600">{t("count", { count: users.length })}</p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" aria-labelledby="users-title">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.email")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.role")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.created")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const self = actor.kind === "user" && actor.id === user.id;
                return (
                  <tr key={user.id} data-user-email={user.email} className={`border-t border-slate-100 align-middle ${user.deactivatedAt ? "text-slate-500" : ""}`}>
                    <td className="px-3 py-2 break-words">
                      {user.name}
                      {self ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-600">{t("you")}</span> : null}
                    </td>
                    <td className="px-3 py-2 break-all">{user.email}</td>
                    <td className="px-3 py-2">{roles(user.role)}</td>
                    <td className="px-3 py-2">
                      {user.deactivatedAt ? (
                        <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t("deactivated")}</span>
                      ) : (
                        <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">{t("active")}</span>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                      <time dateTime={user.createdAt.toISOString()}>{format.dateTime(user.createdAt, { dateStyle: "medium", timeZone: "UTC" })}</time>
                    </td>
                    <td className="px-3 py-2">
                      <UserRowActions user={{ id: user.id, email: user.email, role: user.role, active: !user.deactivatedAt }} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <CreateUserForm />
    </div>
  );
}
