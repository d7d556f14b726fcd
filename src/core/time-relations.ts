import type { Language } from "./answer-schema.js";
import { tokenize } from "./normalize.js";
import { stemWord } from "./stemming.js";

/**
 * "What did Healey say *after* the meeting?" of a fact saying he spoke *before* it: the question
 * asks of a time the fact does not speak of, however well its other words match. Words that place
 * something before or after an event, by their opposite, in both languages.
 */
const OPPOSITE: ReadonlyMap<string, string> = new Map([
  ["after", "before"],
  ["before", "after"],
  ["apres", "avant"],
  ["avant", "apres"],
]);

/** Words between a time word and its event: "after *the* meeting", "avant *la* *première* réunion". */
const BEFORE_EVENT: ReadonlySet<string> = new Set(
  "the a an this that le la les un une cette ce first last next second premier premiere dernier derniere prochain prochaine deuxieme".split(" "),
);

/** Any of OPPOSITE's words as typed, accents or not. */
const TIME_WORD = /(?<![\p{L}])(?:after|before|avant|apr[eè]s)(?![\p{L}])/iu;

/** "d'après Healey" is "according to Healey", no time: read so before the elision is lost. */
const ACCORDING_TO = /\bd['’ ]?apr[eè]s\b/giu;

/** For each time word of `tokens` ("after"), the stem of the event it places something against ("meet"). */
function relationsIn(tokens: readonly string[], language: Language): { readonly word: string; readonly event: string }[] {
  return tokens.flatMap((word, i) => {
    if (!OPPOSITE.has(word)) return [];
    let at = i + 1;
    while (BEFORE_EVENT.has(tokens[at] ?? "")) at++;
    const event = tokens[at];
    return event === undefined ? [] : [{ word, event: stemWord(event, language) }];
  });
}

/**
 * Whether the question places what it asks after (before) an event that the fact's answer, in the
 * question's language, places only before (after). A question holding both words is a choice
 * ("avant ou après la réunion ?"), which the fact answers.
 */
export function opposesTimeOf(questionText: string, answerText: string, language: Language): boolean {
  // Most questions have no time word: they are not read further (this runs for every answer).
  if (!TIME_WORD.test(questionText)) return false;
  const question = tokenize(questionText.replace(ACCORDING_TO, " selon "));
  const answer = tokenize(answerText.replace(ACCORDING_TO, " selon "));
  const asked = relationsIn(question, language);
  if (asked.length === 0) return false;
  const said = relationsIn(answer, language);
  return asked.some(
    ({ word, event }) =>
      !question.includes(OPPOSITE.get(word) ?? "") &&
      said.some((s) => s.event === event && s.word === OPPOSITE.get(word)) &&
      !said.some((s) => s.event === event && s.word === word),
  );
}
