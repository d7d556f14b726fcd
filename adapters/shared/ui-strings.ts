import type { Language } from "../../src/index.js";

/**
 * Everything the adapters themselves say, in both languages, worded once for every platform (the
 * answers and refusals come from the core, the rate-limit notice from the conversation service).
 * Platform-specific sentences (how to ask on Slack, on Discord) sit beside each other here too, so
 * a change of tone is made in one place.
 */
export const UI = {
  question: { fr: "Question", en: "Question" },
  askedBy: { fr: "a demandé", en: "asked" },
  source: { fr: "Source", en: "Source" },
  share: { fr: "Partager dans le canal", en: "Share in channel" },
  helpful: { fr: "Réponse utile", en: "Helpful answer" },
  notHelpful: { fr: "Réponse pas utile", en: "Not a helpful answer" },
  thanks: { fr: "Merci pour votre retour !", en: "Thanks for the feedback!" },
  apology: {
    fr: "Désolé, une erreur est survenue en préparant la réponse. Réessayez dans un instant.",
    en: "Sorry, something went wrong while answering. Please try again in a moment.",
  },
  helpIntro: { fr: "Posez-moi une question sur", en: "Ask me a question about" },
  topicsTitle: { fr: "Sujets que je connais", en: "Topics I know about" },
  noTopics: { fr: "Je ne connais encore aucun sujet.", en: "I do not know any topic yet." },
  emptyQuestion: { fr: "Posez-moi une question sur l’article, par exemple :", en: "Ask me a question about the article, for example:" },
  emptyTarget: { fr: "Ce message ne contient pas de texte à qui répondre.", en: "That message has no text I can answer." },
  article: { fr: "L’article", en: "The article" },
  howToAsk: { fr: "Comment poser une question", en: "How to ask" },
  slackHowTo: {
    fr: "Tapez `/ask` suivi de votre question, mentionnez-moi dans un canal, écrivez-moi en message direct, ou choisissez « Ask the article » dans le menu d’un message. Dans un fil où j’ai répondu, une question de suite suffit : « et le ministre finlandais ? ». In English: `/ask help`.",
    en: "Type `/ask` followed by your question, mention me in a channel, send me a direct message, or pick “Ask the article” in a message’s menu. In a thread I answered, a follow-up is enough: “and the Finnish one?”. En français : `/ask aide`.",
  },
  discordHowTo: {
    fr: "Utilisez `/demander`, mentionnez-moi, écrivez-moi en message privé, ou choisissez « Demander à l’article » dans le menu Applications d’un message. Répondez à une de mes réponses pour une question de suite.",
    en: "Use `/ask`, mention me, send me a direct message, or pick “Ask the article” in a message’s Apps menu. Reply to one of my answers for a follow-up question.",
  },
} as const satisfies Record<string, Record<Language, string>>;

/** "Source :" in French, "Source:" in English: French puts a space before a colon. */
export function withColon(label: string, language: Language): string {
  return language === "fr" ? `${label} :` : `${label}:`;
}

/** The confidence line under an answer: "Confiance : 73 %", "Confidence: 73%". */
export function confidenceText(confidence: number, language: Language): string {
  const percent = Math.round(confidence * 100);
  return language === "fr" ? `Confiance : ${percent} %` : `Confidence: ${percent}%`;
}

/** The context note beside an answer that context decided: "(the Finnish minister)". */
export function contextNoteText(note: string): string {
  return `(${note})`;
}
