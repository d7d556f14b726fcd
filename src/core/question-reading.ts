// Reading a question the way people write it: its folded words, what it asks for (from question
// words and from phrases such as "quelle ville", "what day", "how come"), the words that carry its
// meaning, and neighbouring words offered back as compounds ("pays bas", "cessez le feu").
import { editDistance } from "./edit-distance.js";
import { isNumberWord } from "./entity-catalog.js";
import { tokenize } from "./normalize.js";
import { QUESTION_WORDS, STOPWORDS, type AttributeKind, type QuestionKind } from "./stopwords.js";

/** A word of a question that may carry meaning: not a stopword, not a question word. */
export interface QueryWord {
  /** The word as typed, folded: typos are looked for on it, before stemming blurs them. */
  readonly surface: string;
  /** The first and last token it comes from: several for neighbours joined into a compound. */
  readonly tokens: readonly [number, number];
  /**
   * What the word asks, when it is the noun of an asking phrase: "ville" in "quelle ville", "day"
   * in "what day". A fact answering that kind explains it, whatever words it uses.
   */
  readonly asks?: QuestionKind;
  /** Right after "quel"/"which": a noun, whatever else it may spell ("quels avions" are planes, not "nous avions"). */
  readonly askedNoun?: true;
}

export interface ReadQuestion {
  /** The question as typed: names that are also everyday words count only with their capitals ("EU"). */
  readonly text: string;
  /** Every folded word of the question, in order. */
  readonly tokens: readonly string[];
  /** What the question asks for; "what" alone when it asks for anything (or is not a question). */
  readonly kinds: ReadonlySet<QuestionKind>;
  /** The words that carry its meaning. */
  readonly words: readonly QueryWord[];
  /** Two or three neighbouring words joined: the index keeps those it knows as compounds. */
  readonly joins: readonly QueryWord[];
  /** What a count asks the number of: "soldats" in "combien de soldats", "priority objectives" in "how many priority objectives". */
  readonly counted: readonly string[];
  /**
   * It asks yes or no: no question word, and the shape of a question — a question mark, an
   * auxiliary first ("was it…", "did they…"), "est-ce que". "réunion lundi" is a search, no question.
   */
  readonly yesNo: boolean;
  /** It asks how many of something ("combien", "how many/much"), not how big or how high ("how big is the risk"). */
  readonly countsThings: boolean;
}

/**
 * A phrase that says what is asked more precisely than its question word: each step lists the
 * folded words it accepts. The longest phrase starting at a word wins.
 */
interface KindPhrase {
  readonly words: readonly (readonly string[])[];
  readonly kind: QuestionKind;
  /** Its last word names what is asked ("ville", "day"), which a fact answering the kind explains. */
  readonly askingNoun?: true;
  /** All its words ask, none names anything: "pour *parler* de quoi", "to *discuss* what". */
  readonly onlyAsks?: true;
  /** It asks only where nothing but small words follows: "what for?", not "signal of what for Ukraine". */
  readonly last?: true;
}

export const QUEL: readonly string[] = ["quel", "quelle", "quels", "quelles", "kel", "kelle"];
const WHICH = ["which", "what", "wich", "wat"];
const PLACE_NOUNS = ["ville", "villes", "endroit", "endroits", "lieu", "lieux", "region", "batiment", "site", "coin", "capitale", "mer", "mers", "port", "ports", "fleuve", "ocean"];
const PLACE_NOUNS_EN = ["city", "cities", "place", "places", "location", "venue", "building", "site", "town", "region", "capital", "sea", "seas", "port", "ports", "river", "ocean"];
// Not hours, months or years: they are attributes of their own (ATTRIBUTE_WORDS).
const TIME_NOUNS = ["jour", "moment", "semaine", "periode"];
// Not "time": "what time" asks for an hour (ATTRIBUTE_WORDS' "clock").
const TIME_NOUNS_EN = ["day", "week", "period"];
const ACTOR_NOUNS = ["pays", "etats", "etat", "nations", "nation", "gouvernements", "gouvernement", "ministre", "ministres", "responsable", "responsables", "personne", "personnes", "dirigeants"];
const ACTOR_NOUNS_EN = ["country", "countries", "nation", "nations", "state", "states", "government", "governments", "minister", "ministers", "official", "officials", "politician", "politicians", "person", "people", "leaders"];

const KIND_PHRASES: readonly KindPhrase[] = [
  { words: [["dans", "en", "in", "into"], [...QUEL, ...WHICH], ["pays", "country", "territoire", "territory"]], kind: "where" },
  { words: [["a", "at"], [...QUEL, ...WHICH], ["endroit", "place"]], kind: "where" },
  { words: [QUEL, PLACE_NOUNS], kind: "where", askingNoun: true },
  { words: [WHICH, PLACE_NOUNS_EN], kind: "where", askingNoun: true },
  { words: [["d"], ["ou"]], kind: "where" },
  { words: [QUEL, TIME_NOUNS], kind: "when", askingNoun: true },
  { words: [WHICH, TIME_NOUNS_EN], kind: "when", askingNoun: true },
  // A date is more precise than the day a fact may give: it still has to be explained.
  { words: [QUEL, ["date"]], kind: "when" },
  { words: [WHICH, ["date"]], kind: "when" },
  // How long, since when: a duration, which a fact giving a day does not ("depuis quand est-il ministre ?").
  { words: [["since", "depuis"], ["when", "quand"]], kind: "duration" },
  { words: [["how"], ["long"]], kind: "duration" },
  { words: [["combien"], ["de", "d"], ["temps"]], kind: "duration" },
  { words: [["depuis"], ["combien"]], kind: "duration" },
  // "how long ago", "il y a combien de temps" ask when.
  { words: [["how"], ["long"], ["ago"]], kind: "when" },
  { words: [["il"], ["y"], ["a"], ["combien"], ["de", "d"], ["temps"]], kind: "when" },
  { words: [["how"], ["soon"]], kind: "when" },
  { words: [QUEL, ACTOR_NOUNS], kind: "who", askingNoun: true },
  { words: [WHICH, ACTOR_NOUNS_EN], kind: "who", askingNoun: true },
  { words: [["how"], ["come"]], kind: "why" },
  { words: [["pour"], ["quelle"], ["raison"]], kind: "why" },
  { words: [["for"], ["what", "which"], ["reason", "purpose"]], kind: "why" },
  { words: [["dans"], ["quel"], ["but"]], kind: "why" },
  { words: [["a"], ["quoi"], ["sert", "servent", "servir", "servira", "servirait", "bon"]], kind: "why" },
  { words: [["what", "whats"], ["for"]], kind: "why", last: true },
  // Its noun names the purpose asked: a fact stating that goal answers it ("what's the goal on the ground?").
  { words: [["what", "whats"], ["the", "its"], ["point", "purpose", "aim", "goal"]], kind: "why", askingNoun: true },
  { words: [["a"], ["quoi"], ["bon"]], kind: "why" },
  // "ils se sont réunis pour quoi faire ?", "pour quoi ?" typed in two words: what for.
  { words: [["pour"], ["quoi", "koi"], ["faire"]], kind: "why" },
  // "ils se sont réunis pour parler de quoi ?", "they met to discuss what?": what for, too.
  { words: [["pour"], ["parler", "discuter", "causer", "debattre"], ["de"], ["quoi", "koi"]], kind: "why", onlyAsks: true },
  { words: [["to"], ["talk", "discuss", "chat"], ["about"], ["what", "wat"]], kind: "why", onlyAsks: true },
  { words: [["to"], ["discuss", "decide"], ["what", "wat"]], kind: "why", onlyAsks: true },
  // "hw many": the chat spelling of "how" (see QUESTION_WORDS) counts too.
  { words: [["how", "hw"], ["many", "much", "big", "large", "numerous"]], kind: "count" },
  { words: [QUEL, ["nombre", "taille"]], kind: "count" },
  // "elle est grande comment cette coalition ?": how big, as French chat asks it.
  { words: [["grand", "grande", "grands", "grandes", "gros", "grosse"], ["comment"]], kind: "count" },
  { words: [WHICH, ["number", "size"]], kind: "count" },
  { words: [["how"], ["old"]], kind: "age" },
  { words: [WHICH, ["time"]], kind: "clock" },
  { words: [QUEL, ["parti"]], kind: "party" },
  // A budget asked for ("le budget de la force", "what's the budget"), not "budget fatigue".
  { words: [["le", "quel", "son", "leur"], ["budget"]], kind: "cost" },
  { words: [["the", "what", "its", "their"], ["budget"]], kind: "cost" },
  { words: [["political"], ["party", "affiliation"]], kind: "party" },
  // "ministre de quoi ?", "minister of what?": which ministry, not what the minister said.
  { words: [["ministre", "ministres"], ["de"], ["quoi", "koi"]], kind: "office" },
  { words: [["minister", "ministers", "secretary"], ["of", "for"], ["what", "wat"]], kind: "office" },
  { words: [["what", "which"], ["department", "ministry", "portfolio", "office"]], kind: "office" },
  { words: [["how"], ["much"], ["does", "did", "will", "would", "is", "was"], ["it", "this", "that", "the"]], kind: "cost" },
  // "quel pays fournira le plus de soldats ?", "which country sends the most troops?": a ranking,
  // which a fact listing names without ranking them does not give. Not "most" alone ("most participants").
  { words: [["le", "la", "les"], ["plus", "moins"]], kind: "superlative" },
  { words: [["the"], ["most", "least"]], kind: "superlative" },
];

/** Words asking for an attribute few facts give: an age, a cost, an hour, a month or year (see ATTRIBUTE_KINDS). */
const ATTRIBUTE_WORDS: ReadonlyMap<string, AttributeKind> = new Map(
  (
    [
      ["age", "age ages agee"],
      // A salary is what someone costs: "quel est le salaire de Healey ?".
      ["cost", "cout couts coute coutent coutera couteront couterait couteraient prix cost costs costing price prices expensive salaire salaires salary salaries"],
      ["clock", "heure heures hour hours oclock"],
      ["calendar", "mois month months annee annees year years"],
      // Not "parties": "between which parties" asks for the sides of a conflict.
      ["party", "party"],
      ["office", "ministere ministeres portefeuille ministry ministries portfolio"],
      ["superlative", "biggest largest strongest greatest smallest weakest"],
    ] as const
  ).flatMap(([kind, words]) => words.split(" ").map((word) => [word, kind] as const)),
);

/** Copulas of "what was X about?", "c'était sur quoi ?": only with one does "about" ask what X was for. */
const COPULAS_EN: ReadonlySet<string> = new Set(["is", "was", "were", "are"]);
const COPULAS_FR: ReadonlySet<string> = new Set(["est", "etait", "etaient", "sont", "sera", "serait", "cetait", "cest"]);
/** Words "about" is the complement of ("what … the article talks about", "what are they worried about"). */
const ABOUT_TAKERS: ReadonlySet<string> = new Set([
  "talk", "talks", "talked", "talking", "speak", "speaks", "spoke", "speaking", "say", "says", "said", "write", "writes", "wrote", "written",
  "think", "thinks", "thought", "know", "knows", "hear", "heard", "warn", "warns", "warned", "agree", "agreed", "complain", "complained",
  "care", "cares", "worry", "worried", "concerned", "sure", "clear", "unclear", "asking", "asked", "mention", "mentions", "mentioned",
]);
/** Chat before a question's opening word ("so what was it about?"). */
const OPENING_FILLERS: ReadonlySet<string> = new Set(["so", "ok", "okay", "and", "then", "but"]);

/** Openings of a question that "for" at its end makes a "what for" ("what is the force for?"). */
const WHAT_FOR_OPENINGS: ReadonlySet<string> = new Set(["what", "whats", "wat"]);

/** Words that come before "ou" when it asks where: "c'est où la réunion", typed "c ou", "cest ou". */
const BEFORE_WHERE = new Set(["c", "cest", "est", "etait", "sont", "etaient", "sera", "seront", "serait", "ca", "se", "passe", "trouve"]);

/** Days as French chat names them: "où jeudi ?" asks where on that day. */
const DAYS = new Set(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourdhui", "demain"]);
/**
 * Words that end a time before "ou" ("la semaine dernière ou jeudi ?", "aujourd'hui ou demain ?",
 * split "aujourd", "hui"): there "ou" is "or" between two times, not "where".
 */
const TIME_ENDINGS = new Set([...DAYS, "hui", "derniere", "dernier", "prochaine", "prochain", "passee", "passe", "matin", "soir", "semaine", "mois", "an", "annee"]);

/** Words that follow "ou" when it asks where: a verb, a pronoun, "en" ("ou en sont…"). */
// Not "en": "en hausse ou en baisse" is a choice; "où en est…" is read apart (STANDING_VERBS).
const AFTER_WHERE = new Set(["est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "se", "s", "a", "ont", "va", "vont", "c", "ca", "il", "elle", "ils", "elles", "on", "aura", "auront"]);

/**
 * Words that may end a question after its "où" ("ça s'est tenu où d'ailleurs ?", "où exactement"):
 * it still ends there. Not "ou alors ?", "ou donc ?" ("or what?"), nor "ou ailleurs ?" (or elsewhere):
 * "d'ailleurs" is kept whole for it (`questionTokens`).
 */
const AFTER_LAST_WHERE = new Set(["dailleurs", "exactement", "precisement", "deja", "juste"]);

/** Words that ask for a name: "comment s'appelle le ministre", "whats his name" ask who. */
const NAME_WORDS = new Set(["appelle", "appellent", "appele", "nom", "noms", "prenom", "prenoms", "surnom", "name", "names", "called", "surname", "firstname", "lastname", "nickname"]);

/**
 * "s'appeler" as chat types it, which asks a name too: "il sapel comment", "comment s'apelle…",
 * "sappelle" ("s'apel" keeps its "s": `questionTokens`). Not "appel"/"apel" alone, the noun (a
 * call); without the "s", only "appelle/appelé" typed with one p or l: "ils apellent à…" call for something.
 */
const CALLED_AS_TYPED = /^(?:sap{1,2}el{1,2}(?:e|es|ent)?|ap{1,2}el{1,2}e)$/;

/** Words that make a name word part of a name: "first name", "last name", "full name". */
const NAME_QUALIFIERS = new Set(["first", "last", "full", "family", "given", "middle"]);

/** "où en est…", "où en sont…" ask how things stand, not where. */
const STANDING_VERBS = new Set(["est", "sont", "etait", "etaient", "sera", "seront", "sommes", "es", "etes"]);

const AUXILIARIES = new Set(["did", "do", "does", "is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had", "isnt", "isn", "arent", "aren", "wasnt", "wasn", "doesnt", "doesn", "didnt", "didn", "dont", "werent", "weren", "hasnt", "havent", "wont", "cant", "couldnt", "wouldnt", "shouldnt", "hadnt"]);

/** Question words of four letters or more, by first letter: a typo rarely hits the first letter. */
const QUESTION_WORDS_BY_LETTER: ReadonlyMap<string, readonly string[]> = byFirstLetter(QUESTION_WORDS.keys());
const STOPWORDS_BY_LETTER: ReadonlyMap<string, readonly string[]> = byFirstLetter(STOPWORDS);

function byFirstLetter(words: Iterable<string>): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < 4) continue;
    const list = map.get(word[0] ?? "") ?? [];
    list.push(word);
    map.set(word[0] ?? "", list);
  }
  return map;
}

function oneTypoFrom(token: string, list: ReadonlyMap<string, readonly string[]>): string | undefined {
  return list.get(token[0] ?? "")?.find((word) => editDistance(token, word, 1) <= 1);
}

/** "combein", "pourqoi", "whaat": a question word with one typo still says what is asked. */
function mistypedQuestionWord(token: string): QuestionKind | undefined {
  if (token.length < 4 || STOPWORDS.has(token)) return undefined;
  const word = oneTypoFrom(token, QUESTION_WORDS_BY_LETTER);
  return word === undefined ? undefined : QUESTION_WORDS.get(word);
}

/** "thhey", "abouut": a word of no meaning with one typo still means nothing (four letters are too few to tell: "cost" is one from "cest"). */
export function mistypedStopword(token: string): boolean {
  return token.length >= 5 && oneTypoFrom(token, STOPWORDS_BY_LETTER) !== undefined;
}

/** The token positions a word or name covers, first to last: `[2, 4]` → 2, 3, 4. */
export function tokenSpan([first, last]: readonly [number, number]): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * "US" / "U.S." is the country, not the pronoun: decided while the case is still there. After
 * "the" or "a" it is the country however typed ("what about the us?", "a us guarantee"): the
 * pronoun never follows them.
 */
export function readUS(text: string): string {
  const afterThe = text.replace(/\b(the|a)\s+us(?![\p{L}'’])/giu, "$1 usa");
  // In text typed in capitals throughout, "US" is as likely the pronoun: case says nothing there.
  if (!/\p{Ll}/u.test(afterThe)) return afterThe;
  return afterThe.replace(/\bU\.?S\.?(?:A\.?)?(?![\p{L}])/gu, " usa ");
}

/**
 * French verbal idioms whose words say nothing apart: "la force entrerait en jeu après quoi ?" asks
 * when it would intervene, and "jeu" (game) or "action" alone would find nothing, or the wrong fact.
 * Any form of "entrer", then "en", then one of these, reads as the one verb.
 */
const ENTRER = /^entr(?:e|es|er|ent|era|erait|eraient|eront|ait|aient|ee|ees|ant)$/;
const ENTRER_EN: ReadonlySet<string> = new Set(["jeu", "action", "scene"]);

function readVerbalIdioms(tokens: string[]): string[] {
  if (!tokens.includes("en")) return tokens;
  const read: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (ENTRER.test(token) && tokens[i + 1] === "en" && ENTRER_EN.has(tokens[i + 2] ?? "")) {
      read.push("intervenir");
      i += 2;
    } else read.push(token);
  }
  return read;
}

/** The folded words of a question, "US"/"U.S." read as the country before case is lost. */
export function questionTokens(text: string): string[] {
  // "où" (where) and "ou" (or) fold to the same word; an accent typed settles it.
  // "il s'apel comment": elision would leave "apel", the noun "appel" (a call); "s'" says it is the verb.
  const called = text.replace(/\bs['’]\s*(ap{1,2}el{1,2})\b/giu, " s$1 ");
  return readVerbalIdioms(tokenize(readUS(called).replace(/où/giu, " where ").replace(/\bd['’]\s*ailleurs\b/giu, " dailleurs ")));
}

/** The phrases by the words they may start with: most words start none. */
const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly KindPhrase[]> = (() => {
  const map = new Map<string, KindPhrase[]>();
  for (const phrase of KIND_PHRASES) {
    for (const word of phrase.words[0] ?? []) map.set(word, [...(map.get(word) ?? []), phrase]);
  }
  return map;
})();

function phraseAt(tokens: readonly string[], start: number): { readonly phrase: KindPhrase; readonly length: number } | undefined {
  let best: { phrase: KindPhrase; length: number } | undefined;
  for (const phrase of PHRASES_BY_FIRST_WORD.get(tokens[start] ?? "") ?? []) {
    if (best && best.phrase.words.length >= phrase.words.length) continue;
    const endsQuestion = phrase.last !== true || tokens.slice(start + phrase.words.length).every((t) => STOPWORDS.has(t));
    if (endsQuestion && phrase.words.every((accepted, offset) => accepted.includes(tokens[start + offset] ?? ""))) best = { phrase, length: phrase.words.length };
    // English puts an adjective before a place: "which *Ukrainian* city", "what *European* capital".
    // Not before an actor noun: "what makes countries hesitate" asks no who.
    else if (phrase.kind === "where" && phrase.askingNoun && phrase.words.length === 2 && WHICH.includes(tokens[start] ?? "") && !STOPWORDS.has(tokens[start + 1] ?? "") && !QUESTION_WORDS.has(tokens[start + 1] ?? "") && (phrase.words[1] ?? []).includes(tokens[start + 2] ?? "")) best = { phrase, length: 3 };
    // A number between them, in either language: "which *two* countries", "quels *deux* pays". It stays a word of its own.
    else if (endsQuestion && phrase.askingNoun && phrase.words.length === 2 && (phrase.words[0] ?? []).includes(tokens[start] ?? "") && isNumberWord(tokens[start + 1] ?? "") && (phrase.words[1] ?? []).includes(tokens[start + 2] ?? "")) best = { phrase, length: 3 };
  }
  return best;
}

/** What one token asks, read with its neighbours; undefined when it is no question word. */
function tokenKind(tokens: readonly string[], index: number): QuestionKind | undefined {
  const token = tokens[index] ?? "";
  // "many"/"much" ask for a count after "how" only: "are many countries willing" asks yes or no.
  if ((token === "many" || token === "much") && tokens[index - 1] !== "how" && tokens[index - 1] !== "hw") return undefined;
  // "ou" typed without its accent is "or" between two words ("jeudi ou vendredi"), "where" at
  // either end of a question or before its verb ("ou est", "ils se sont vus ou").
  // "où et quand", "quand et où": beside "et" and another question word, it asks where too.
  const besideQuestionWord = (tokens[index + 1] === "et" && QUESTION_WORDS.has(tokens[index + 2] ?? "")) || (tokens[index - 1] === "et" && QUESTION_WORDS.has(tokens[index - 2] ?? ""));
  const endsAfter = index < tokens.length - 1 && tokens.slice(index + 1).every((t) => AFTER_LAST_WHERE.has(t));
  // "ils se sont vus où jeudi ?": where, on that day; "mardi ou jeudi ?" is a choice of days.
  const whereThatDay = DAYS.has(tokens[index + 1] ?? "") && !TIME_ENDINGS.has(tokens[index - 1] ?? "");
  if (token === "ou" && !(index === 0 || index === tokens.length - 1 || endsAfter || besideQuestionWord || whereThatDay || AFTER_WHERE.has(tokens[index + 1] ?? "") || BEFORE_WHERE.has(tokens[index - 1] ?? ""))) return undefined;
  // "c du vent ou c sérieux ?", "il ment ou il dit vrai ?": the clause before said the same
  // opening word, so "ou" joins two of them: or, not where.
  if (token === "ou" && index > 1 && index < tokens.length - 2 && AFTER_WHERE.has(tokens[index + 1] ?? "") && tokens.slice(0, index - 1).includes(tokens[index + 1] ?? "")) return undefined;
  // "were did they meet": "where" typed without its h, a question only the next word gives away.
  if (index === 0 && token === "were" && AUXILIARIES.has(tokens[1] ?? "")) return "where";
  if ((token === "ou" || token === "where") && tokens[index + 1] === "en" && STANDING_VERBS.has(tokens[index + 2] ?? "")) return "what";
  // "on en est où ?", "elle en est où": how things stand, as "où en est…".
  if ((token === "ou" || token === "where") && STANDING_VERBS.has(tokens[index - 1] ?? "") && tokens[index - 2] === "en") return "what";
  // "le jour où…", "au moment où…": "où" joins a clause to a time; it asks nothing.
  if ((token === "ou" || token === "where") && TIME_NOUNS.includes(tokens[index - 1] ?? "")) return undefined;
  // "where do the peace talks stand?" asks how things stand, as "où en sont…" does.
  if (token === "where" && tokens.slice(index + 1, index + 6).some((t) => t === "stand" || t === "stands")) return "what";
  if (NAME_WORDS.has(token) || CALLED_AS_TYPED.test(token)) return "who";
  // "qu'est-ce qui inquiète", "ce qui compte": "ce qui" is what, not who.
  if (token === "qui" && tokens[index - 1] === "ce") return "what";
  return ATTRIBUTE_WORDS.get(token) ?? QUESTION_WORDS.get(token) ?? mistypedQuestionWord(token);
}

export function readQuestion(text: string): ReadQuestion {
  return readTokens(questionTokens(text), text);
}

/** The nouns that ask someone's country, beside an asking word or at the question's end. */
const NATIONALITY_NOUNS: ReadonlySet<string> = new Set(["nationalite", "nationalites", "nationality", "nationalities"]);

/** Verbs of "il vient d'où", "elle est de quel pays". */
const COMING_FROM = new Set(["vient", "viens", "venait", "viennent", "est", "etait", "sont", "es"]);

/** Verbs of "il représente quel pays", "which country does he represent". */
// Active forms only: "quel pays était représenté ?" asks who was there (accents gone, "représenté"
// is "représente": the auxiliary before it tells them apart, `nationalityPhrase`).
const REPRESENTING = new Set(["represente", "representent", "representait", "representaient", "represent", "represents"]);
const PASSIVE_AUXILIARIES = new Set(["est", "etait", "sont", "etaient", "ete", "sera", "is", "was", "were", "are", "been", "be"]);
const COUNTRY_NOUNS = new Set(["pays", "country", "countries", "nation", "nations"]);

/**
 * The words of a question asking where someone comes from — "il vient d'où", "Brekelmans est de
 * quel pays", "from which country", "what nationality", "where is he from" — which a fact naming
 * the person by their country answers: they ask who (which one), and carry no subject of their own.
 */
function nationalityPhrase(tokens: readonly string[]): number[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const [a, b, c, d] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (a === undefined) break;
    if (COMING_FROM.has(a) && b === "de" && QUEL.includes(c ?? "") && (d === "pays" || d === "nationalite")) return [i, i + 1, i + 2, i + 3];
    if (COMING_FROM.has(a) && a.startsWith("v") && (b === "ou" || b === "where")) return [i, i + 1];
    if (COMING_FROM.has(a) && a.startsWith("v") && b === "d" && (c === "ou" || c === "where")) return [i, i + 1, i + 2];
    if ((a === "d" && (b === "ou" || b === "where") && COMING_FROM.has(c ?? "")) || ((a === "ou" || a === "where") && (b === "vient" || b === "viennent"))) return a === "d" ? [i, i + 1, i + 2] : [i, i + 1];
    if ((QUEL.includes(a) && b === "nationalite") || (WHICH.includes(a) && (b === "nationality" || b === "nationalities"))) return [i, i + 1];
    // "quelle est la nationalité de Brekelmans", "brekelmans nationality", "nationalité de Healey ?":
    // the noun asks it beside an asking word, at the end, or opening a fragment; "is nationality an issue?" asks yes or no.
    const opensFragment = i === 0 && (b === "de" || b === "du" || b === "of");
    if (NATIONALITY_NOUNS.has(a) && (opensFragment || i === tokens.length - 1 || tokens.slice(0, i).some((t) => QUEL.includes(t) || WHICH.includes(t) || t === "whats"))) return [i];
    if (a === "from" && WHICH.includes(b ?? "") && (c === "country" || c === "nation")) return [i, i + 1, i + 2];
  }
  // "ils représentent quels pays ?", "which country does Healey represent?": whose minister each
  // is — the country asked as the verb's object, before it in English, after it in French. Not
  // "which countries represent the core…" (the subject), nor the passive "était représenté".
  const represents = tokens.findIndex((t, i) => REPRESENTING.has(t) && !PASSIVE_AUXILIARIES.has(tokens[i - 1] ?? ""));
  const country = tokens.findIndex((t, i) => i > 0 && COUNTRY_NOUNS.has(t) && (QUEL.includes(tokens[i - 1] ?? "") || WHICH.includes(tokens[i - 1] ?? "")));
  const objectAsked = represents >= 0 && country > 0 && (QUEL.includes(tokens[country - 1] ?? "") ? country - 1 === represents + 1 : represents === tokens.length - 1 && represents - country >= 2);
  if (objectAsked) return [country - 1, country, represents].sort((x, y) => x - y);
  // "where is he from", "what country is she from": a question ending in "from".
  if (tokens.at(-1) === "from" && (tokens[0] === "where" || (WHICH.includes(tokens[0] ?? "") && tokens[1] === "country"))) return [0, ...(tokens[1] === "country" ? [1] : []), tokens.length - 1];
  return undefined;
}

/**
 * "c'est l'Allemagne qui a lancé la coalition ?", "was it Germany who launched it?": a cleft puts a
 * name forward and asks yes or no of it; its "qui"/"who" joins the clause, it asks nothing. The
 * index of that relative word, when the question is one ("c'est qui le ministre ?" is not: no
 * word comes between).
 */
function cleftRelative(tokens: readonly string[]): number | undefined {
  // "c'est" is read "est" (the elided "c" goes); "is it", "was it", "c'était"; chat writes "c" for "c'est" ("c l'Allemagne qui…").
  const opens = tokens[0] === "est" || tokens[0] === "etait" || tokens[0] === "c" ? 1 : (tokens[0] === "is" || tokens[0] === "was") && tokens[1] === "it" ? 2 : 0;
  if (opens === 0) return undefined;
  for (let i = opens; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (token === "qui" || token === "que" || token === "who" || token === "that") return i > opens && tokens.slice(opens, i).some((t) => !STOPWORDS.has(t)) ? i : undefined;
    if (QUESTION_WORDS.has(token)) return undefined;
  }
  return undefined;
}

/**
 * "…lundi, non ?", "…à Kiev ou pas ?", "launched by France and Germany, correct?", "Hakkanen is Norwegian right": a
 * last word asking to confirm makes a yes/no question of what comes before, and says nothing itself.
 */
const CONFIRMING_TAGS = new Set(["non", "hein", "vrai", "right", "correct", "true", "innit"]);

/** "…or more?", "…ou moins ?": the other side of a guessed number, no choice of its own. */
const MORE_OR_LESS: ReadonlySet<string> = new Set(["plus", "moins", "more", "less", "fewer"]);

/** A choice of answers ending a yes/no question: it asks to confirm. */
const YES_OR_NO: ReadonlySet<string> = new Set(["oui ou non", "non ou oui", "vrai ou faux", "yes or no", "no or yes", "true or false"]);

/** The indexes of a confirming tag ending the question ("non", "n'est-ce pas", "is that right"), none when there is none. */
function confirmingTag(tokens: readonly string[]): number[] {
  const n = tokens.length;
  if (n < 3) return [];
  if (tokens[n - 3] === "est" && tokens[n - 2] === "ce" && tokens[n - 1] === "pas") return [n - 3, n - 2, n - 1];
  if (tokens[n - 2] === "pas" && tokens[n - 1] === "vrai") return [n - 2, n - 1];
  // "…à Kiev ou pas ?", "…or not?", "like 50 countries or what", "10 pays ou quoi ?"
  if ((tokens[n - 2] === "ou" && (tokens[n - 1] === "pas" || tokens[n - 1] === "quoi")) || (tokens[n - 2] === "or" && (tokens[n - 1] === "not" || tokens[n - 1] === "what"))) return [n - 2, n - 1];
  // "genre 10 pays ou bien plus ?", "like 10 countries or more?": a guessed number's "more or less"
  // asks to confirm the guess. Not without a number: "is the coalition more or less ready?".
  if (MORE_OR_LESS.has(tokens[n - 1] ?? "")) {
    const tag = tokens[n - 2] === "or" || tokens[n - 2] === "ou" ? [n - 2, n - 1] : tokens[n - 2] === "bien" && tokens[n - 3] === "ou" ? [n - 3, n - 2, n - 1] : [];
    const guessed = tag.length > 0 && tokens.slice(Math.max(0, (tag[0] ?? 0) - 3), tag[0]).some(isNumberWord);
    if (guessed) return tag;
  }
  // "…à Bruxelles, oui ou non ?", "…yes or no?", "true or false?"
  const lastThree = tokens.slice(n - 3).join(" ");
  if (YES_OR_NO.has(lastThree)) return [n - 3, n - 2, n - 1];
  return CONFIRMING_TAGS.has(tokens[n - 1] ?? "") ? [n - 1] : [];
}

/**
 * "c'est vrai que la coalition compte 50 pays ?", "is it true that they met on Monday?": an opening
 * asking whether what follows is true makes a yes/no question of it, and says nothing itself.
 */
const TRUE_OPENINGS: readonly (readonly string[])[] = [
  ["est", "ce", "vrai", "que"], ["est", "ce", "vrai", "qu"], ["est", "vrai", "que"], ["est", "vrai", "qu"], ["est", "vrai"],
  ["c", "vrai", "que"], ["c", "vrai", "qu"], ["vrai", "que"], ["is", "it", "true", "that"], ["is", "it", "true"],
  ["it", "true", "that"], ["its", "true", "that"], ["true", "that"],
];

/** The indexes of an opening asking whether what follows is true, none when there is none. */
function trueOpening(tokens: readonly string[]): number[] {
  const opening = TRUE_OPENINGS.find((words) => words.length < tokens.length && words.every((w, i) => tokens[i] === w));
  return opening === undefined ? [] : opening.map((_, i) => i);
}

/** `readQuestion` of text already cut into folded words (the knowledge's sample questions too). */
export function readTokens(tokens: readonly string[], text = ""): ReadQuestion {
  return readWords(tokens, text, false);
}

/** `readTokens`, the article-as-source phrases read as words when `keepSource` (they were all the question said). */
function readWords(tokens: readonly string[], text: string, keepSource: boolean): ReadQuestion {
  const kinds = new Set<QuestionKind>();
  const relative = cleftRelative(tokens);
  const tag = new Set([...confirmingTag(tokens), ...trueOpening(tokens)]);
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  let phraseEnds = -1;
  let askingOnlyEnds = -1;
  let askingNoun: { readonly at: number; readonly kind: QuestionKind } | undefined;
  const fromWhere = new Set(nationalityPhrase(tokens) ?? []);
  const idioms = idiomsIn(tokens);
  const meaning = askingMeaning(tokens);
  const source = keepSource ? NO_INDEXES : sourcePhrasesIn(tokens);
  if (fromWhere.size > 0) kinds.add("who");
  for (let index = 0; index < tokens.length; index++) {
    if (fromWhere.has(index) || index === relative || tag.has(index) || idioms.has(index) || source.has(index) || meaning.has(index)) continue;
    // Inside a phrase already read ("in which country"), its words ask nothing more.
    const found = index > phraseEnds ? phraseAt(tokens, index) : undefined;
    if (found) {
      kinds.add(found.phrase.kind);
      phraseEnds = index + found.length - 1;
      if (found.phrase.askingNoun) askingNoun = { at: phraseEnds, kind: found.phrase.kind };
      if (found.phrase.onlyAsks) askingOnlyEnds = phraseEnds;
    }
    if (index <= askingOnlyEnds) continue;
    const token = tokens[index] ?? "";
    // "first name", "last name", "full name": the whole asks for a name, not a first of anything.
    if (NAME_QUALIFIERS.has(token) && NAME_WORDS.has(tokens[index + 1] ?? "")) continue;
    const kind = tokenKind(tokens, index);
    if (kind !== undefined) {
      // A phrase says it better: "quelle ville" asks where, not "what".
      if (index > phraseEnds) kinds.add(kind);
      continue;
    }
    if (STOPWORDS.has(token) || token.length < 2 || seen.has(token) || asRegards(tokens, index)) continue;
    // "only two objectives?", "they only had two", "seulement 40 pays ?": a number's "only" says no more than the number.
    if (ONLY.has(token) && (isNumberWord(tokens[index + 1] ?? "") || (STOPWORDS.has(tokens[index + 1] ?? "") && isNumberWord(tokens[index + 2] ?? "")))) continue;
    // "whats his name again", "coalition of the what again": a question ending in "again" asks to
    // be reminded, like French "déjà"; "will Russia attack again" asks no question word, it keeps it.
    if (token === "again" && index === tokens.length - 1 && kinds.size > 0) continue;
    // "many", "much" outside "how many" and "ou" meaning "or" carry no meaning either.
    if (QUESTION_WORDS.has(token)) continue;
    seen.add(token);
    // The noun itself: French puts it right after "quel" ("quels avions militaires"), English may
    // put an adjective first ("which *various* countries"): there the noun ends before a stopword.
    const next = tokens[index + 1] ?? "";
    const nounEnds = next === "" || STOPWORDS.has(next) || QUESTION_WORDS.has(next);
    const afterWhich = QUEL.includes(tokens[index - 1] ?? "") || (nounEnds && WHICH.includes(tokens[index - 1] ?? ""));
    words.push({ surface: token, tokens: [index, index], ...(askingNoun?.at === index ? { asks: askingNoun.kind } : {}), ...(afterWhich ? { askedNoun: true } : {}) });
  }
  if (words.length === 0 && source.size > 0) return readWords(tokens, text, true);
  // "what was the Brussels meeting for?": "what … for" at the end asks what for, as "what for" does.
  // "what was the NATO HQ meeting about?", "la réunion de jeudi c'était sur quoi ?" ask what it was for, too.
  const last = tokens[tokens.length - 1];
  // Only "what is/was X about?": "what did Healey warn about?", "what are they concerned about?",
  // "la coalition compte sur quoi ?" keep the verb's own meaning.
  const opening = OPENING_FILLERS.has(tokens[0] ?? "") ? 1 : 0;
  const copula = COPULAS_EN.has(tokens[opening + 1] ?? "") || /\bwhat['’]?s\b/iu.test(text);
  const aboutWhat = last === "about" && WHAT_FOR_OPENINGS.has(tokens[opening] ?? "") && copula && !ABOUT_TAKERS.has(tokens[tokens.length - 2] ?? "");
  const surQuoi = last === "quoi" && tokens[tokens.length - 2] === "sur" && COPULAS_FR.has(tokens[tokens.length - 3] ?? "");
  const whatAbout = (WHAT_FOR_OPENINGS.has(tokens[0] ?? "") && last === "for") || aboutWhat || surQuoi;
  if (whatAbout && tokens.length > 2 && kinds.size === 1 && kinds.has("what")) kinds.add("why");
  // "what" asks for anything: it only stands when nothing more precise is asked.
  if (kinds.size > 1) kinds.delete("what");
  const countsThings = kinds.has("count") && countOpener(tokens) >= 0;
  // "Qu'a dit le ministre ?", "que fait la coalition ?" ask what, though their "que" is read as no word.
  const asksWhat = /^\s*qu(?:e\b|['’\s])/iu.test(text);
  const yesNo = kinds.size === 0 && !asksWhat && (tag.size > 0 || text.includes("?") || AUXILIARIES.has(tokens[0] ?? "") || (tokens[0] === "est" && tokens[1] === "ce"));
  // "is the Netherlands among those sending troops?" asks whether a name is in a list: "among" is
  // the asking, which the list answers ("what is growing among some allies?" keeps it).
  // "how is political commitment evolving?", "l'engagement évolue comment ?": with "how", the verb
  // asks which way it goes, which a fact saying "growing" answers; it names nothing of its own.
  const trend = kinds.has("how") ? words.filter((w) => !TREND_VERBS.has(w.surface)) : words;
  const meant = yesNo ? trend.filter((w) => !MEMBERSHIP.has(w.surface)) : trend;
  return { text, tokens, kinds, words: meant, joins: joinedNeighbours(tokens), counted: countsThings ? countedWords(tokens) : [], countsThings, yesNo };
}

/**
 * Phrases that name nothing: "originally" — "who set it up *in the first place*?", "qui l'a
 * organisée *à la base* ?" (their "first", "place", "base"), "until now" ("how clear is it *so far*?",
 * whose "far" is the opposite of "close") and thanks ("merci bcp", whose "bcp" is "many").
 */
const IDIOMS: readonly (readonly string[])[] = [
  ["in", "the", "first", "place"], ["a", "la", "base"], ["to", "begin", "with"], ["merci", "bcp"], ["merci", "beaucoup"], ["thanks", "a", "lot"], ["so", "far"],
  // "for now": "how well-defined is the force *at this stage*?" asks of no phase of the war ("stade", "stage").
  ["at", "this", "stage"], ["at", "this", "point"], ["a", "ce", "stade"], ["pour", "instant"], ["pour", "le", "moment"], ["for", "now"],
  // Chat asides and rough amounts: "…, i mean", "like 5 countries or way more", "30 or more", "more or less".
  ["i", "mean"], ["way", "more"], ["or", "more"], ["more", "or", "less"], ["or", "less"], ["or", "so"],
  // Asking for it briefly: "en gros" is no size, "in short" no opposite of "long-term".
  ["en", "gros"], ["en", "bref"], ["en", "resume"], ["en", "deux", "mots"], ["en", "2", "mots"], ["en", "un", "mot"], ["en", "1", "mot"],
  ["in", "short"], ["in", "brief"], ["in", "a", "nutshell"], ["in", "one", "word"], ["in", "two", "words"], ["in", "a", "word"],
  // "grosso modo", "vite fait", "short version", "long story short": how briefly, not what. Not
  // "tl;dr", which asks for the summary itself, nor "quick one" ("will the mission be a quick one?").
  ["grosso", "modo"], ["vite", "fait"], ["a", "peu", "pres"], ["short", "version"], ["long", "story", "short"],
  // "what's the deal with…", "c'est quoi l'histoire de…" ask what about it.
  ["the", "deal", "with"], ["the", "story", "with"], ["quoi", "histoire"], ["quoi", "cette", "histoire"],
  // "in this story", "dans tout ça": in the affair the article tells, which every fact is of.
  ["in", "this", "story"], ["in", "the", "story"], ["in", "all", "this"], ["in", "all", "of", "this"], ["dans", "histoire"], ["dans", "cette", "histoire"], ["dans", "tout", "ca"],
  // Announcing the question: "petite question :", "question peut-être bête", "quick question".
  ["petite", "question"], ["question", "bete"], ["question", "con"], ["quick", "question"], ["dumb", "question"], ["stupid", "question"], ["silly", "question"],
];

/**
 * The article as the source — "what does the article say about a ceasefire?", "selon l'article" —
 * names no subject (and every refusal's answer says "the article does not say"). Unless it is all
 * the question says: "que dit l'article ?" asks about the article.
 */
const SOURCE_PHRASES: readonly (readonly string[])[] = [
  ["according", "to", "the", "article"], ["per", "the", "article"], ["in", "the", "article"], ["the", "article", "say"], ["the", "article", "says"], ["the", "article", "said"],
  // Folded words lose their elisions: "d'après l'article" is "apres article".
  ["selon", "article"], ["apres", "article"], ["dans", "article"], ["article", "dit"], ["dit", "article"], ["le", "texte", "dit"], ["selon", "le", "texte"], ["apres", "le", "texte"], ["dans", "le", "texte"],
  // "le cessez-le-feu dont parle l'article", "the ceasefire that the article mentions": a relative
  // clause only. "l'article parle de la Chine ?" asks whether it does ("does not mention…").
  ["dont", "parle", "article"], ["dont", "article", "parle"], ["que", "mentionne", "article"], ["qu", "evoque", "article"], ["that", "the", "article", "mentions"],
  // Where in it: "le cadre dont parle la fin de l'article", "at the end of the article" ("fin" is no end of the fighting).
  ["fin", "de", "article"], ["debut", "de", "article"], ["end", "of", "the", "article"], ["start", "of", "the", "article"], ["beginning", "of", "the", "article"],
  ["dont", "parle", "la", "fin", "de", "article"], ["dont", "parle", "le", "debut", "de", "article"],
];

/** The words that end a phrase: a question holding none has none (most), read without allocating. */
const IDIOM_ENDS: ReadonlySet<string> = new Set(IDIOMS.map((idiom) => idiom.at(-1) ?? ""));
const SOURCE_ENDS: ReadonlySet<string> = new Set(SOURCE_PHRASES.map((phrase) => phrase.at(-1) ?? ""));
const NO_INDEXES: ReadonlySet<number> = new Set();

/** The indexes of the tokens of the phrases (`IDIOMS` by default) in the question. */
function idiomsIn(tokens: readonly string[], phrases = IDIOMS, ends = IDIOM_ENDS): ReadonlySet<number> {
  let found: Set<number> | undefined;
  for (let end = 0; end < tokens.length; end++) {
    if (!ends.has(tokens[end] ?? "")) continue;
    for (const idiom of phrases) {
      const start = end - idiom.length + 1;
      if (start < 0 || idiom.at(-1) !== tokens[end] || !idiom.every((word, k) => tokens[start + k] === word)) continue;
      found ??= new Set();
      for (let k = start; k <= end; k++) found.add(k);
    }
  }
  return found ?? NO_INDEXES;
}

/** The indexes of `SOURCE_PHRASES` in the question; not a numbered article ("que dit l'article 5 de l'Otan ?" cites a treaty). */
function sourcePhrasesIn(tokens: readonly string[]): ReadonlySet<number> {
  const found = idiomsIn(tokens, SOURCE_PHRASES, SOURCE_ENDS);
  if (found.size === 0) return found;
  const numbered = tokens.some((t, i) => t === "article" && /^\d+$/.test(tokens[i + 1] ?? ""));
  return numbered ? NO_INDEXES : found;
}

const ONLY: ReadonlySet<string> = new Set(["only", "seulement", "uniquement", "juste"]);

/** Words that may end a question asking what a term means: "what does X mean *here*?", "ça veut dire quoi *exactement* ?". */
const MEANING_ENDS: ReadonlySet<string> = new Set(["here", "exactly", "ici", "exactement", "concretement", "precisement"]);
const MEAN_EN: ReadonlySet<string> = new Set(["mean", "means", "refer", "refers"]);
const MEAN_FR: ReadonlySet<string> = new Set(["signifie", "signifient", "designe", "designent"]);
const WANT_FR: ReadonlySet<string> = new Set(["veut", "veulent", "voulait"]);

/**
 * The words asking what a term means, which name nothing of it: "what does 'reassurance force'
 * *mean*?", "what does it *refer to* here?", "*que veut dire* force de réassurance ?", "*que
 * signifie*…", "…, ça *veut dire quoi* ?". Only at the question's ends: "what does it mean for
 * Kyiv?", "ça veut dire quoi pour Kiev ?" ask what it means for someone, a fact's own words.
 */
function askingMeaning(tokens: readonly string[]): ReadonlySet<number> {
  let end = tokens.length - 1;
  while (end > 0 && MEANING_ENDS.has(tokens[end] ?? "")) end--;
  if (tokens[end] === "to" && (tokens[end - 1] === "refer" || tokens[end - 1] === "refers")) end--;
  const first = OPENING_FILLERS.has(tokens[0] ?? "") ? 1 : 0;
  const found = new Set<number>();
  // English: "what does X mean", "what do they mean by X" is left alone (its "by" follows).
  if (MEAN_EN.has(tokens[end] ?? "") && (tokens[first] === "what" || tokens[first] === "wat") && tokens.slice(first + 1, end).some((t) => t === "does" || t === "do" || t === "did")) found.add(end);
  // French, at the start: "que veut dire…", "que signifie…".
  if (tokens[first] === "que" && WANT_FR.has(tokens[first + 1] ?? "") && tokens[first + 2] === "dire") found.add(first + 1).add(first + 2);
  if (tokens[first] === "que" && MEAN_FR.has(tokens[first + 1] ?? "")) found.add(first + 1);
  // …or at the end: "ça veut dire quoi ?", "ça signifie quoi ?".
  if (tokens[end] === "quoi" && tokens[end - 1] === "dire" && WANT_FR.has(tokens[end - 2] ?? "")) found.add(end - 1).add(end - 2);
  if (tokens[end] === "quoi" && MEAN_FR.has(tokens[end - 1] ?? "")) found.add(end - 1);
  return found.size === 0 ? NO_INDEXES : found;
}

/** Chat's "as regards": "ils veulent faire quoi *niveau* maritime ?", "il manque quoi *côté* américain ?". */
const AS_REGARDS: ReadonlySet<string> = new Set(["niveau", "cote"]);
/** What makes them nouns of their own: "à quel niveau", "au niveau des ministres", "à côté de l'Otan". */
const BEFORE_THE_NOUN: ReadonlySet<string> = new Set(["a", "au", "aux", "ce", "cet", "quel", "quelle", "le", "la", "un", "une", "du", "de", "des", "meme", "son", "sa", "leur", "haut", "bas", "bon", "mauvais", "autre", "chaque", "tout", "premier", "dernier"]);
const AFTER_THE_NOUN: ReadonlySet<string> = new Set(["de", "d", "des", "du"]);

function asRegards(tokens: readonly string[], index: number): boolean {
  return AS_REGARDS.has(tokens[index] ?? "") && index > 0 && index < tokens.length - 1 && !BEFORE_THE_NOUN.has(tokens[index - 1] ?? "") && !AFTER_THE_NOUN.has(tokens[index + 1] ?? "");
}

/** Verbs that, asked "how", ask which way something goes ("how is it evolving?", "comment ça évolue ?"). */
const TREND_VERBS: ReadonlySet<string> = new Set(["evolving", "evolve", "evolves", "evolved", "evolue", "evoluent", "evoluer", "evolution", "changing", "change", "changes", "changed", "changent", "trending", "trend"]);

/** Words by which a yes/no question asks whether something is in a list. */
const MEMBERSHIP: ReadonlySet<string> = new Set(["among", "amongst", "parmi"]);

/** Words that start a count: "combien (de)", "how many", "how much": the question words asking one. */
const COUNT_OPENERS: ReadonlySet<string> = new Set([...QUESTION_WORDS].flatMap(([word, kind]) => (kind === "count" ? [word] : [])));

/**
 * The words of meaning right after a count's opener, until the first word of none: one in French
 * ("combien de soldats"), up to two in English ("how many priority objectives", "how many ships are…").
 */
function countOpener(tokens: readonly string[]): number {
  return tokens.findIndex((t, i) => COUNT_OPENERS.has(t) && (t !== "many" && t !== "much" ? true : tokens[i - 1] === "how"));
}

function countedWords(tokens: readonly string[]): string[] {
  const opener = countOpener(tokens);
  if (opener < 0) return [];
  // French puts the noun first ("combien de soldats britanniques"), English last ("how many priority objectives").
  const most = tokens[opener] === "many" || tokens[opener] === "much" ? 2 : 1;
  const words: string[] = [];
  for (const token of tokens.slice(opener + 1, opener + 4)) {
    if (words.length === 0 && (token === "de" || token === "d" || token === "of")) continue;
    if (STOPWORDS.has(token) || QUESTION_WORDS.has(token) || token.length < 3 || words.length === most) break;
    words.push(token);
  }
  // French may put the noun at the end: "combien la France va envoyer *de soldats* ?".
  if (words.length === 0 && tokens[opener] === "combien") {
    const noun = tokens.findLastIndex((t, i) => i > opener + 1 && (tokens[i - 1] === "de" || tokens[i - 1] === "d") && !STOPWORDS.has(t) && !QUESTION_WORDS.has(t) && t.length >= 3);
    if (noun > 0) words.push(tokens[noun] ?? "");
  }
  return words;
}

function joinedNeighbours(tokens: readonly string[]): QueryWord[] {
  const joins: QueryWord[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (let count = 2; count <= 3 && start + count <= tokens.length; count++) {
      const surface = tokens.slice(start, start + count).join("");
      if (surface.length >= 5) joins.push({ surface, tokens: [start, start + count - 1] });
    }
  }
  return joins;
}

/**
 * Text that is code or markup, not a question: "print(coalition)", "<script>", "SELECT * FROM",
 * "x => y", "{ ... }". Prose uses parentheses too, but with a space before them.
 */
export function looksLikeCode(text: string): boolean {
  const signals = [
    // A call: print(x), console.log(), f(a, b) — not a written plural or gender ("soldat(s)",
    // "Quel(s)", "allié(e)s") nor a word before a spaced aside.
    /[\p{L}_$][\p{L}\p{N}_$.]*\((?!(?:s|e|es|x|la|le|les)\))[^()\s]*(?:,\s*[^()\s]+)*\)/u,
    /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i, // a tag
    /[{};]\s*$|^\s*[{}]/, // braces, a statement's semicolon
    /=>|==|!=|&&|\|\||::|->|\+\+|\$\{/, // operators prose does not use
    // Keywords in the shape only code gives them: "SELECT * FROM t", "import x from 'y'", "def f(".
    /\b(?:print|printf|echo|eval|exec|alert|puts)\s*\([^()]*\)|\b(?:select\s+(?:\*|\w+\s*,[\w\s,]*)\s+from\s+\w+|insert\s+into\s+\w+\s*\(|drop\s+table\s+\w+|import\s+[\w{}*,\s]+\s+from\s+['"]|def\s+\w+\s*\(|function\s*\w*\s*\([^)]*\)\s*\{|#include\s*<|console\.log|(?:var|const|let)\s+\w+\s*=)/i,
  ];
  return signals.some((signal) => signal.test(text));
}

/**
 * Pieces that ask nothing, whatever their question word: "what about X" names a subject for what
 * comes next; chat asides ("comment dire, …", "qui sait, …", "pourquoi pas, mais …") say nothing.
 */
const ASKS_NOTHING = /^\s*(?:(?:what|how) about\b|(?:comment dire|qui sait|pourquoi pas|who knows|why not|you know|how (?:should|shall|can) i put it)\s*$)/iu;

/**
 * Where a question may pass from one thing asked to the next: a clause break, or "et"/"and";
 * chat's "n" before an English question word ("where n when"), not French's "n" of "on n sait pas".
 */
const ASKED_JOINS = /\s*[,;:/?]+\s*|\s+(?:et|and|&)\s+|\s+n\s+(?=wh|how)/iu;

/**
 * The things a question asks one after another, each with its own question word: "la coalition
 * s'est réunie où, quel jour, et c'est combien de pays ?" is three. A piece asking nothing belongs
 * to the question word after it ("la France et le Royaume-Uni ont lancé quoi" is one), or, at the
 * end, to the one before it. A question asking one thing or less is one clause: the whole text.
 */
export function askedClauses(text: string): string[] {
  const pieces = text.split(ASKED_JOINS).filter((p) => p.trim() !== "");
  // Most questions have no join: nothing to read twice.
  if (pieces.length < 2) return [text];
  const clauses: string[] = [];
  let pending: string[] = [];
  for (const piece of pieces) {
    pending.push(piece.trim());
    if (ASKS_NOTHING.test(piece) || readQuestion(piece).kinds.size === 0) continue;
    clauses.push(pending.join(" "));
    pending = [];
  }
  const last = clauses.pop();
  if (last === undefined || clauses.length === 0) return [text];
  return [...clauses, [last, ...pending].join(" ")];
}

/**
 * The parts of a long question that ask, most likely first: from the last clause break (comma,
 * colon, dash, sentence end) before its last question word to the end; then from its first
 * question word past the opening words on ("… jme souviens plus quels étaient les deux pays qui
 * l'avaient lancée, tu peux me rappeler"). Neither is the whole text.
 */
export function askingClauses(text: string): string[] {
  const found: string[] = [];
  const clauses = text.split(/(?<=[,;:.!?—–])\s+|\s+[—–-]\s+/u).filter((c) => c.trim() !== "");
  for (let start = clauses.length - 1; start > 0; start--) {
    const tail = clauses.slice(start).join(" ");
    if (readQuestion(tail).kinds.size > 0) {
      found.push(tail);
      break;
    }
  }
  const words = text.split(/\s+/u);
  // An unaccented "ou" within a sentence is "or" ("ils sont dedans ou pas ?") unless a verb or a
  // pronoun follows it ("je voulais savoir ou ils se sont réunis").
  const asksWhere = (word: string, next: string | undefined): boolean => word.toLowerCase() !== "ou" || AFTER_WHERE.has(tokenize(next ?? "")[0] ?? "");
  const first = words.findIndex((word, i) => i >= OPENING_WORDS && asksWhere(word, words[i + 1]) && readQuestion(word).kinds.size > 0);
  if (first > 0) {
    const tail = words.slice(first).join(" ");
    if (!found.includes(tail)) found.push(tail);
  }
  // Then each without what follows its own clause: "what city was it in? my boss asked me lol",
  // "qui a lancé la coalition au départ, vous pouvez m'expliquer ?".
  for (const tail of [...found]) {
    const own = tail.split(/(?<=[,;:.!?])\s+/u)[0] ?? "";
    if (own !== tail && readQuestion(own).kinds.size > 0 && !found.includes(own)) found.push(own);
  }
  return found;
}

/** Words a question word must come after to start a question of its own inside a long one. */
const OPENING_WORDS = 4;
