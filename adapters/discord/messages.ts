import type { Language } from "../../src/index.js";

/** Every sentence the adapter itself says (answers come from the core), per language. */
export const MESSAGES = {
  fr: {
    sourceField: "Source",
    confidence: (percent: number) => `Confiance : ${percent} %`,
    question: "Question",
    didYouMean: "Vouliez-vous dire :",
    apology: "Désolé, une erreur m’a empêché de répondre. Réessayez dans un instant.",
    emptyQuestion: "Posez-moi une question sur l’article, par exemple :",
    emptyTarget: "Ce message ne contient pas de texte à qui répondre.",
    topicsTitle: "Sujets que je connais",
    noTopics: "Je ne connais encore aucun sujet.",
    thanks: "Merci pour votre retour.",
  },
  en: {
    sourceField: "Source",
    confidence: (percent: number) => `Confidence: ${percent}%`,
    question: "Question",
    didYouMean: "Did you mean:",
    apology: "Sorry, something went wrong while answering. Please try again in a moment.",
    emptyQuestion: "Ask me a question about the article, for example:",
    emptyTarget: "That message has no text I can answer.",
    topicsTitle: "Topics I know about",
    noTopics: "I do not know any topic yet.",
    thanks: "Thanks for the feedback.",
  },
} as const satisfies Record<Language, Record<string, unknown>>;

/** Discord locales ("fr", "en-US", "en-GB", …) mapped to a language the core speaks, if any. */
export function localeToLanguage(locale: string | null | undefined): Language | undefined {
  if (locale === null || locale === undefined) return undefined;
  const base = locale.toLowerCase().split("-")[0];
  if (base === "fr") return "fr";
  if (base === "en") return "en";
  return undefined;
}
