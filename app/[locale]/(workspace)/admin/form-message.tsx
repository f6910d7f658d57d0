"use client";

import { useTranslations } from "next-intl";
import type { Message } from "./form-state";

/** A server result as text: errors are announced as alerts, notices politely. */
export function FormMessage({ message, kind, id }: { message: Message | undefined; kind: "error" | "notice"; id?: string }) {
  const t = useTranslations();
  if (!message) return null;
  return kind === "error" ? (
    <p id={id} role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-800">
      {t(message.key, message.values)}
    </p>
  ) : (
    <p id={id} role="status" className="text-sm text-green-800">
      {t(message.key, message.values)}
    </p>
  );
}
