import { useTranslations } from "next-intl";

const COLORS: Record<string, string> = {
  in_review: "bg-amber-100 text-amber-900",
  changes_requested: "bg-red-100 text-red-900",
  approved: "bg-green-100 text-green-900",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  const known = status === "in_review" || status === "changes_requested" || status === "approved";
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${COLORS[status] ?? "bg-slate-100"}`}>
      {known ? t(status) : status}
    </span>
  );
}
