import type { Language } from "./answer-schema.js";
import type { OfficialRole } from "./entities.js";

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
  notAQuestion: {
    fr: "Cela ressemble à du code, pas à une question. Posez-moi une question sur l’article, en toutes lettres.",
    en: "That looks like code, not a question. Ask me a question about the article in plain words.",
  },
  notMentioned: {
    fr: "L’article ne mentionne pas « {entity} ».",
    en: "The article does not mention “{entity}”.",
  },
  noOfficialOf: {
    fr: "L’article ne cite aucun {role} de ce pays ({country}).",
    en: "The article quotes no {role} of {country}.",
  },
  unquotedAnyone: {
    fr: "L’article ne cite aucune déclaration ni réaction de la part de « {entity} ».",
    en: "The article quotes no statement or reaction from “{entity}”.",
  },
  unquoted: {
    fr: "L’article ne cite aucune déclaration ni réaction de la part de « {entity} » : il cite {speakers}.",
    en: "The article quotes no statement or reaction from “{entity}”: it quotes {speakers}.",
  },
  unrepresented: {
    fr: "L’article ne dit pas qui représentait « {entity} » : il cite {speakers}.",
    en: "The article does not say who represented “{entity}”: it quotes {speakers}.",
  },
  notSaidAbout: {
    fr: "L’article ne dit pas cela à propos de « {entity} ».",
    en: "The article does not say this about “{entity}”.",
  },
  affirmed: {
    fr: "Oui : {said}",
    en: "Yes: {said}",
  },
  contradicted: {
    fr: "Non, pas « {entity} » : {said}",
    en: "No, not “{entity}”: {said}",
  },
  contradictedChoice: {
    fr: "Ni « {entity} » ni « {other} » : {said}",
    en: "Neither “{entity}” nor “{other}”: {said}",
  },
  notSaidOfThat: {
    fr: "L’article ne le précise pas.",
    en: "The article does not say.",
  },
  whatItSays: {
    fr: "Ce qu’il dit : {said}",
    en: "What it does say: {said}",
  },
} as const satisfies Record<string, Record<Language, string>>;

/** How `noOfficialOf` names who is not quoted. */
export const ROLE_NAMES = {
  minister: { fr: "ministre", en: "minister" },
  head: { fr: "chef d’État ou de gouvernement", en: "head of state or government" },
  ambassador: { fr: "ambassadeur", en: "ambassador" },
  spokesperson: { fr: "porte-parole", en: "spokesperson" },
  official: { fr: "responsable", en: "official" },
} as const satisfies Record<OfficialRole, Record<Language, string>>;

export function message(key: keyof typeof MESSAGES, language: Language, values: Record<string, string> = {}): string {
  return MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}
