import type { Language } from "./answer-schema.js";

/** Everything the core says in its own words, in both languages. */
export const MESSAGES = {
  empty: {
    fr: "Posez-moi une question sur l’article, par exemple : « {example} »",
    en: "Ask me a question about the article, for example: “{example}”",
  },
  unknown: {
    fr: "L’article ne dit rien là-dessus, ou je n’ai pas compris la question. Essayez de la reformuler.",
    en: "The article does not say, or I did not understand the question. Try rephrasing it.",
  },
  unknownWithSuggestions: {
    fr: "L’article ne dit rien là-dessus, ou je n’ai pas compris la question. Vouliez-vous demander :",
    en: "The article does not say, or I did not understand the question. Did you mean:",
  },
} as const satisfies Record<string, Record<Language, string>>;

export function message(key: keyof typeof MESSAGES, language: Language, values: Record<string, string> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}
