import type { Language } from "../../src/index.js";

/** Discord locales ("fr", "en-US", "en-GB", …) mapped to a language the core speaks, if any. */
export function localeToLanguage(locale: string | null | undefined): Language | undefined {
  if (locale === null || locale === undefined) return undefined;
  const base = locale.toLowerCase().split("-")[0];
  if (base === "fr") return "fr";
  if (base === "en") return "en";
  return undefined;
}
