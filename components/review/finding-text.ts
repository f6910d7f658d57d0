import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";

/** What a finding needs to be told in the reader's language (lib/checks Finding, or its copies in the workspace). */
export interface DescribedFinding {
  /** English: shown only when the locale files lack the message (e.g. a finding of a newer server). */
  message: string;
  messageId?: string;
  params?: Record<string, string | number>;
}

/**
 * The text of an automatic finding in the interface language: the locale
 * files' `findingMessages.<messageId>` filled in with the finding's params,
 * with language codes given as language names.
 */
export function useFindingText(): (finding: DescribedFinding) => string {
  const t = useTranslations("findingMessages");
  const locale = useLocale();
  const languages = useMemo(() => new Intl.DisplayNames([locale], { type: "language" }), [locale]);
  return useCallback(
    (finding: DescribedFinding) => {
      if (!finding.messageId || !t.has(finding.messageId)) return finding.message;
      const params = { ...finding.params };
      if (typeof params.language === "string") params.languageName = languages.of(params.language) ?? params.language;
      return t(finding.messageId, params);
    },
    [t, languages],
  );
}
