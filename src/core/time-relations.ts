import type { Language } from "./answer-schema.js";
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

/** Words between a time word and its event: "after *the* meeting", "avant *la* réunion". */
const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "this", "le", "la", "l", "les", "un", "une", "cette", "ce"]);

/** Words before "après" that make it "according to": "d'après Healey". */
const ACCORDING_TO: ReadonlySet<string> = new Set(["d"]);

/** For each time word of `tokens` ("after"), the stem of the event it places something against ("meet"). */
function relationsIn(tokens: readonly string[], language: Language): { readonly word: string; readonly event: string }[] {
  return tokens.flatMap((word, i) => {
    if (!OPPOSITE.has(word) || ACCORDING_TO.has(tokens[i - 1] ?? "")) return [];
    let at = i + 1;
    while (DETERMINERS.has(tokens[at] ?? "")) at++;
    const event = tokens[at];
    return event === undefined ? [] : [{ word, event: stemWord(event, language) }];
  });
}

/**
 * Whether the question places what it asks after (before) an event that the fact's answer, in the
 * question's language, places only before (after). A question holding both words is a choice
 * ("avant ou après la réunion ?"), which the fact answers.
 */
export function opposesTimeOf(question: readonly string[], answer: readonly string[], language: Language): boolean {
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
