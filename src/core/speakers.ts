import type { Language } from "./answer-schema.js";
import type { Entity, EntityLexicon, EntityMention } from "./entities.js";
import { tokenize } from "./normalize.js";
import type { QuestionKind } from "./stopwords.js";

/**
 * Who speaks in an article, and questions asking what someone else said.
 *
 * "What did Russia say about it?", "les russes ont dit quoi ?", "what does NATO think?": an
 * article quotes a few people, and a question asking what another party said, thought or
 * replied is about nothing the article reports, whatever fact its other words are near (the
 * talks, the US guarantee). Who speaks is read from the knowledge: its people, and the countries
 * their labels name ("the British Defence Secretary John Healey" speaks for the United Kingdom).
 */

/** Words asking what someone said, thought or how they reacted, folded. */
const SPEECH_WORDS: ReadonlySet<string> = new Set(
  (
    "say says said saying tell told think thinks thought react reacts reacted reaction reactions " +
    "reply replies replied respond responds responded response comments commented declare declared statement stated " +
    "dit dire disent pense pensent penser reagi reagit reagir reaction reactions repondu repond repondre " +
    "declare declaration commente commentaire"
  ).split(" "),
);
// Not "comment": in French it is "how" ("la coalition se situe comment ?").

/**
 * Words that may stand between who speaks and the speech word: "Russia *has* said", "les
 * Russes *ont* dit", "Russia*'s* reaction", "qu'*en* dit la France", "dit *la* France".
 */
const BETWEEN_WORDS: ReadonlySet<string> = new Set("s has have had did does do will would a ont avait avaient en the le la les l".split(" "));

/** Words after a speech word that make it a yes or a no, not words quoted: "ont dit non". */
const VERDICTS: ReadonlySet<string> = new Set(["non", "no", "oui", "yes"]);

/** Words saying the article itself is who speaks: "what does the article say about Russia?". */
const ARTICLE_WORDS: ReadonlySet<string> = new Set(["article", "texte", "text", "journal", "auteur", "author", "piece"]);

/** Kinds of entity that may speak. */
const SPEAKING_KINDS: ReadonlySet<Entity["kind"]> = new Set(["country", "organisation", "person"]);

/**
 * The entities an article quotes, or speaks for through someone it quotes: its people, and the
 * countries whose officials its facts name ("the British Defence Secretary", "le ministre
 * finlandais"). `texts` are the facts' answers and quotes.
 */
export function speakersOf(lexicon: EntityLexicon, texts: readonly string[]): { readonly ids: ReadonlySet<string>; readonly people: readonly Entity[] } {
  const people = lexicon.declared().filter((e) => e.kind === "person");
  const ids = new Set(people.map((p) => p.id));
  for (const text of texts) {
    for (const { entity } of lexicon.find(tokenize(text), text)) if (entity.officialOf) ids.add(entity.officialOf.country.id);
  }
  return { ids, people };
}

/** Words asking who stood for a party: "who represented the US?", "qui représentait les États-Unis ?". */
const REPRESENT_WORDS: ReadonlySet<string> = new Set(
  "represent represents represented representing representative representatives represente representee representait representaient representant representants representer".split(" "),
);

/** What a question asks of a party the article quotes no one of: what it said, or who stood for it. */
export interface UnquotedParty {
  readonly entity: Entity;
  readonly asks: "said" | "represented";
}

/**
 * The party a question asks what it said, when the article quotes no one of it: "what did
 * Russia say?", "les russes ont dit quoi ?", "qu'en dit la France ?", "Russia's reaction?"; or
 * who represented it ("who represented the US at the meeting?"). Its name stands right beside
 * the speech word, as who speaks: "what do participants think of Washington's support?" asks the
 * participants. Not when the question asks who said something, names someone the article quotes
 * ("what did the Finnish minister say about the US?"), asks the article itself, or names the
 * article's subject (Ukraine's reaction is a fact's: "a strong signal"). Only French puts who
 * speaks after the verb ("qu'a dit la France ?"): in "do they think US support matters?" the
 * name begins what is thought. Who represents is on either side: "the US representative", "who
 * represented the US".
 */
export function unquotedSpeaker(
  tokens: readonly string[],
  language: Language,
  mentions: readonly EntityMention[],
  kinds: ReadonlySet<QuestionKind>,
  speakers: ReadonlySet<string>,
): UnquotedParty | undefined {
  if (tokens.some((t) => ARTICLE_WORDS.has(t))) return undefined;
  const speaks = (entity: Entity): boolean => speakers.has(entity.id) || (entity.officialOf !== undefined && speakers.has(entity.officialOf.country.id));
  if (mentions.some((m) => speaks(m.entity))) return undefined;
  // Only BETWEEN_WORDS from `from` up to `to`, and `to` not before `from`.
  const beside = (from: number, to: number): boolean => from <= to && tokens.slice(from, to).every((t) => BETWEEN_WORDS.has(t));
  const partyBeside = (at: readonly number[], after: boolean, subjectToo: boolean): Entity | undefined =>
    mentions.find(({ entity, tokens: [first, last] }) => SPEAKING_KINDS.has(entity.kind) && (subjectToo || !entity.subject) && at.some((i) => beside(last + 1, i) || (after && beside(i + 1, first))))?.entity;
  // Who represented Ukraine, the subject, is no more said than who represented the US.
  const represent = tokens.flatMap((t, i) => (REPRESENT_WORDS.has(t) ? [i] : []));
  const represented = partyBeside(represent, true, true);
  if (represented) return { entity: represented, asks: "represented" };
  // "les pays baltes ont dit non ?" asks whether they refused, not what they said.
  const speech = kinds.has("who") ? [] : tokens.flatMap((t, i) => (SPEECH_WORDS.has(t) && !VERDICTS.has(tokens[i + 1] ?? "") ? [i] : []));
  const said = partyBeside(speech, language === "fr", false);
  return said && { entity: said, asks: "said" };
}
