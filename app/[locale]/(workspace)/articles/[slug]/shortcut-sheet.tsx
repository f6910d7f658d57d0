"use client";

import { useTranslations } from "next-intl";

const SHORTCUTS = [
  ["j / ↓", "down"],
  ["k / ↑", "up"],
  ["h / ←", "left"],
  ["l / →", "right"],
  ["a / Enter", "annotate"],
  ["M m n", "severity"],
  ["Enter", "save"],
  ["Shift+Enter", "saveApply"],
  ["Esc", "cancel"],
  ["r", "review"],
  ["e", "edit"],
  ["Ctrl+Enter", "saveEdit"],
  ["d", "diff"],
  ["o", "panel"],
  ["?", "help"],
] as const;

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const t = useTranslations("shortcuts");
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/30" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t("title")}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === "Escape" || event.key === "?") onClose();
        }}
        className="w-[28rem] max-w-[95vw] rounded-lg bg-white p-4 shadow-xl"
      >
        <h2 className="mb-2 font-semibold">{t("title")}</h2>
        <table className="w-full text-sm">
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={action} className="border-t border-slate-100">
                <td className="py-1 pr-3">
                  <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">{keys}</kbd>
                </td>
                <td className="py-1">{t(action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={onClose} className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm">
          {t("close")}
        </button>
      </div>
    </div>
  );
}
