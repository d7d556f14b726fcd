import type { Language } from "./answer-schema.js";
import type { Entity, EntityLexicon, EntityMention } from "./entities.js";
import { tokenize } from "./normalize.js";
import type { QuestionKind } from "./stopwords.js";

/**
 * Who speaks in an article, and questions asking what someone else said.
 *
 * "What did Russia say about it?", "les russes ont dit quoi ?", "what does NATO think?": an
 * article quotes a few parties, and a question asking what another one said, thought or replied
 * is about nothing the article reports, whatever fact its other words are near (the talks, the US
 * guarantee). Who speaks is read from the facts' own texts: whoever stands right before a speech
 * word there ("John Healey, le ministre britannique de la Défense, *a assuré*", "France, the UK,
 * the Netherlands and the Baltic states *have said* they are ready"), with the countries their
 * officials speak for.
 */

/** Words asking what someone said, thought or how they reacted, folded. */
const SPEECH_WORDS: ReadonlySet<string> = new Set(
  (
    "say says said saying tell told think thinks thought react reacts reacted reaction reactions " +
    "reply replies replied respond responds responded response comments commented declare declared statement stated " +
    "dit dits dite dire disent pense pensent penser reagi reagit reagir repondu repond repondre declaration commente commentaire"
  ).split(" "),
);
// Not "comment": in French it is "how" ("la coalition se situe comment ?").

/** Speech words of a fact's prose besides the questions' ("a assuré", "insisted"): who they follow speaks. */
const REPORTING_WORDS: ReadonlySet<string> = new Set([
  ...SPEECH_WORDS,
  ..."assure insiste souligne estime affirme explique indique juge parle insisted stressed believes warned argued assured noted added talked spoke".split(" "),
]);

/**
 * Words that may stand between who speaks and the speech word in a question: "Russia *has*
 * said", "les Russes *ont* dit", "qu'*en* dit la France", "dit *la* France" ("Russia's" loses
 * its "'s" to the tokenizer).
 */
const BETWEEN_WORDS: ReadonlySet<string> = new Set("has have had did does do will would a ont avait avaient en the le la les".split(" "));

/**
 * What a fact's prose may put between who speaks and the speech word, besides names: the rest of
 * a list ("France, the UK *and* the Netherlands have said"), an apposition's role ("John Healey,
 * *le* ministre britannique *de la Défense*, a assuré"), a reflexive ("se sont dits prêts").
 */
const REPORTED_BETWEEN: ReadonlySet<string> = new Set([
  ...BETWEEN_WORDS,
  ..."s se sont est they it also et and notamment notably including dont of de du des defense defence secretary affaires etrangeres foreign".split(" "),
]);

/** Words after a speech word (or its "que") that make it a yes or a no, not words quoted: "ont dit (que) non". */
const VERDICTS: ReadonlySet<string> = new Set(["non", "no", "oui", "yes"]);

/** Words before "dire"/"dit" that make a set phrase, no speech: "c'est-à-dire", "à vrai dire", "autrement dit". */
const SET_PHRASE_BEFORE: ReadonlySet<string> = new Set(["a", "vrai", "autrement", "ainsi", "soit"]);

/** Words saying the article itself is who speaks: "what does the article say about Russia?". */
const ARTICLE_WORDS: ReadonlySet<string> = new Set(["article", "texte", "text", "journal", "auteur", "author", "piece"]);

/** Kinds of entity that may speak. */
const SPEAKING_KINDS: ReadonlySet<Entity["kind"]> = new Set(["country", "organisation", "person"]);

/** What a question asks that no speech is: how many, where, how long ("les pays prêts vont envoyer combien de soldats ?"). */
const NOT_SPEECH_KINDS: readonly QuestionKind[] = ["count", "where", "duration"];

/**
 * The parties the facts' texts report speaking, and the people among them in the order found: the
 * entities right before a reporting word, and the countries of the officials among them.
 */
export function speakersOf(lexicon: EntityLexicon, texts: readonly string[]): { readonly ids: ReadonlySet<string>; readonly people: readonly Entity[] } {
  const ids = new Set<string>();
  const people: Entity[] = [];
  for (const text of texts) {
    const tokens = tokenize(text);
    const named = new Map<number, Entity>();
    for (const { entity, tokens: [first, last] } of lexicon.find(tokens, text)) for (let t = first; t <= last; t++) named.set(t, entity);
    tokens.forEach((token, at) => {
      if (!REPORTING_WORDS.has(token)) return;
      for (let back = at - 1; back >= 0; back--) {
        const entity = named.get(back);
        if (entity === undefined && !REPORTED_BETWEEN.has(tokens[back] ?? "")) break;
        // The subject is no speaker: "…clairs pour l’Ukraine », a assuré le ministre" ends a quote.
        if (entity === undefined || entity.subject) continue;
        ids.add(entity.officialOf?.country.id ?? entity.id);
        if (entity.kind === "person" && entity.officialOf === undefined && !people.includes(entity)) people.push(entity);
      }
    });
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
 * The party a question asks what it said, when the article reports nothing it said: "what did
 * Russia say?", "les russes ont dit quoi ?", "qu'en dit la France ?", "Russia's reaction?"; or who
 * represented it ("who represented the US at the meeting?"). Its name stands right beside the
 * speech word, as who speaks: "what do participants think of Washington's support?" asks the
 * participants. Not when the question asks who said something, how many, where or how long,
 * names a party the article does report speaking ("what did the Finnish minister say about the
 * US?"), asks the article itself, or names the article's subject (Ukraine's reaction is a fact's:
 * "a strong signal"). Only French puts who speaks after the verb ("qu'a dit la France ?"): in "do
 * they think US support matters?" the name begins what is thought, and "is the US said to…"
 * reports no speech. Who represents is on either side: "the US representative", "who represented
 * the US".
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
  // Who stood for Ukraine, the subject, is no more said than who stood for the US; only a "who"
  // asks it ("is Ukraine represented?" asks whether).
  const represent = kinds.has("who") ? tokens.flatMap((t, i) => (REPRESENT_WORDS.has(t) ? [i] : [])) : [];
  const represented = partyBeside(represent, true, true);
  if (represented) return { entity: represented, asks: "represented" };
  if (kinds.has("who") || NOT_SPEECH_KINDS.some((k) => kinds.has(k))) return undefined;
  // "les pays baltes ont dit non ?" asks whether they refused; "is the US said to…" reports nothing said.
  const speech = tokens.flatMap((t, i) => {
    const setPhrase = (t === "dire" || t === "dit") && SET_PHRASE_BEFORE.has(tokens[i - 1] ?? "");
    const next = tokens[i + 1] === "que" ? tokens[i + 2] : tokens[i + 1];
    return SPEECH_WORDS.has(t) && !setPhrase && !VERDICTS.has(next ?? "") && tokens[i + 1] !== "to" ? [i] : [];
  });
  const said = partyBeside(speech, language === "fr", false);
  return said && { entity: said, asks: "said" };
}
