"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FixEverywhereDialog } from "@/components/fix-everywhere-dialog";

/**
 * A glossary variant with "fix everywhere": lists its whole-word occurrences
 * (in the term's article, or the first article with "all articles" one tick
 * away) and replaces the ticked ones with the canonical form.
 */
export function FixVariantButton({ variant, canonical, articleSlug }: { variant: string; canonical: string; articleSlug: string }) {
  const t = useTranslations("glossary");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={t("fixVariant", { variant, canonical })}
        className="rounded border border-red-200 px-1 text-xs text-red-900 hover:bg-red-100"
      >
        {variant}: {t("fix")}
      </button>
      <FixEverywhereDialog open={open} from={variant} to={canonical} articleSlug={articleSlug} onClose={() => setOpen(false)} />
    </>
  );
}
