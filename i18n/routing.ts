import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["en", "de", "zh", "fr", "es", "ru", "ja"],
  defaultLocale: "en",
});

export type Locale = (typeof routing.locales)[number];
