import { useFormatter, useTranslations } from "next-intl";

export interface ApprovalInfo {
  status: string;
  approvedBy: string | null;
  approvedAt: string | null;
  overrideReason: string | null;
  statusMessage: string | null;
}

/** Who approved a version and when (with any override reason), or the editor's request for changes. */
export function ApprovalNote({ info }: { info: ApprovalInfo }) {
  const t = useTranslations("approval");
  const format = useFormatter();
  if (info.status === "approved") {
    const when = info.approvedAt ? format.dateTime(new Date(info.approvedAt), { dateStyle: "medium", timeStyle: "short" }) : "";
    return (
      <span className="text-xs text-slate-600" data-testid="approval-note">
        {t("approvedBy", { name: info.approvedBy ?? t("operator"), when })}
        {info.overrideReason ? (
          <span className="ml-1 rounded bg-orange-100 px-1 text-orange-900" data-testid="override-reason">
            {t("override", { reason: info.overrideReason })}
          </span>
        ) : null}
      </span>
    );
  }
  if (info.status === "changes_requested" && info.statusMessage) {
    return (
      <span className="text-xs text-slate-600" data-testid="approval-note">
        {t("changesRequested", { message: info.statusMessage })}
      </span>
    );
  }
  return null;
}
