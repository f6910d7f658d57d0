"use client";

import { useId, useRef, type ReactNode } from "react";

/**
 * A button that asks before submitting its form: it opens a modal dialog
 * (native <dialog>: focus stays inside, Esc cancels) whose confirm button submits.
 * Place it inside the <form> it should submit.
 */
export function ConfirmDialog({
  label,
  accessibleName,
  title,
  body,
  confirmLabel,
  cancelLabel,
  disabled,
}: {
  label: string;
  /** A fuller name for the opening button when its label alone is ambiguous (e.g. in a table row). */
  accessibleName?: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  return (
    <>
      <button
        type="button"
        disabled={disabled}
        aria-label={accessibleName}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className="rounded border border-red-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-50"
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto max-w-md rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={titleId} className="mb-2 text-lg font-semibold break-words">
          {title}
        </h2>
        <div id={bodyId} className="mb-4 text-sm text-slate-700">
          {body}
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            {cancelLabel}
          </button>
          <button type="submit" onClick={() => dialog.current?.close()} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
