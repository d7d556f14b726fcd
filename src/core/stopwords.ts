/**
 * Words that carry no meaning for matching, per language, folded as questions are ("ça" is "ca").
 * Question words (combien, où, qui, quand, who, where, when, how…) are deliberately absent: they
 * tell "where did they meet" from "when did they meet" (see QUESTION_WORDS). "but" stays: in
 * French it is the goal, "le but". A test keeps each list free of duplicates, of words that
 * folding or tokenizing can never produce, and of question words.
 */
export const FRENCH_STOPWORDS: readonly string[] = (
  "le la les l un une des du de d au aux a et mais donc or ni car ce cet cette ces ca cela ceci " +
  "il elle ils elles on je tu nous vous me te se lui leur leurs y en ne pas plus tres bien " +
  "est sont etait etaient ete etre sera seront serait seraient ai avons avez ont avait avaient avoir aura auront " +
  "suis es sommes etes " +
  "fait faire font va vont peut peuvent doit dans sur sous pour par avec sans entre chez vers " +
  "son sa ses mon ma mes ton ta tes notre nos votre vos que si tout tous toute toutes " +
  "t moi stp svp sil merci alors bon ben bah euh hein voila truc deja encore maintenant actuellement " +
  "vraiment exactement precisement donne donnez dis dites explique expliquez liste listez cite citez " +
  "moment instant ici sais sait savez savent savoir quelqu quelquun genre bref enfin " +
  "actuel actuelle actuels actuelles total final finalement type types sorte sortes espece " +
  // Words about the article itself ("l'autre inquiétude évoquée", "les options mentionnées").
  "evoque evoquee evoques evoquees evoquer mentionne mentionnee mentionnes mentionnees mentionner " +
  "decrit decrite decrits decrites decrire qualifie qualifiee qualifies qualifiees qualifier qualifient " +
  // A relative pronoun ("la fatigue dont parle l'article").
  "dont " +
  // Words that only relate the question to its subject ("l'objectif relatif au ciel").
  "concernant relatif relative relatifs relatives " +
  // Elisions typed without their apostrophe ("cest", "sest", "quil").
  "cest sest nest quil quils quon jai jsuis dun dune lun lune " +
  // Chat fillers.
  "mdr ptdr jsp jpp ouais ouai wesh coucou salut bonjour bonsoir perdu perdue dailleurs " +
  // Chat spellings of small words: "ds" (dans), "tjr"/"tjrs" (toujours), "ct" (c'était).
  "ds tjr tjrs ct " +
  // "the other objectives": which are meant, the noun says; the context or the list answers "other".
  "autre autres"
).split(/\s+/);

export const ENGLISH_STOPWORDS: readonly string[] = (
  "the a an of to in on at by for with from into about as and or nor so is are was were be been being " +
  "do does did done have has had having will would shall should can could may might must " +
  // Negated auxiliaries typed without their apostrophe ("isnt it like 50 countries?"), or cut at it ("isn't": "isn", "t").
  "isnt isn arent aren wasnt wasn werent weren doesnt doesn didnt didn hasnt hasn havent wont cant couldnt couldn wouldnt wouldn shouldnt shouldn aint " +
  "it its this that these those there here they them their he she his her we us our you your i me my " +
  "any some just really actually please tell know let also then than " +
  "one ones up out over thing things stuff get got yet still already now currently exactly ever even " +
  "name list listed lists listing give show explain describe described describes characterize characterise characterized characterised characterizes characterises mention mentioned mentions r u ur pls plz all like ok okay hey hi hello bot guys folks " +
  // "according to the article".
  "according " +
  "related regarding concerning relating " +
  "anyway basically right smth sth btw idk tbh imo fyi iirc afaik anyone anybody someone somebody " +
  "supposed gonna wanna gotta kinda sorta guess current status total final finally away overall kind kinds sort type " +
  // Chat fillers.
  "lol lmao rofl haha hmm hm wtf omg yo dude bro mate ya yeah yep nope skimmed skim skimming forgot forget confused " +
  // "rn": right now.
  "rn " +
  "other others else"
).split(/\s+/);

export const STOPWORDS: ReadonlySet<string> = new Set([...FRENCH_STOPWORDS, ...ENGLISH_STOPWORDS]);

/**
 * What a question asks for. "what" (quel, what, which) asks for anything and contradicts nothing.
 * "age", "cost", "clock" (an hour of the day), "calendar" (a month, a year), "party" (a
 * political one), "office" (which ministry: "ministre de quoi ?"), "duration" (since when,
 * how long: "depuis quand est-il ministre ?") and "superlative" (a ranking: "le plus de soldats",
 * "the biggest") ask for an attribute: a fact none of whose sample
 * questions asks for it does not give it, however well it matches the rest of the question.
 */
export type QuestionKind = "where" | "when" | "who" | "why" | "count" | "how" | "what" | AttributeKind;
export type AttributeKind = "age" | "cost" | "clock" | "calendar" | "party" | "office" | "duration" | "superlative";
export const ATTRIBUTE_KINDS: ReadonlySet<QuestionKind> = new Set<AttributeKind>(["age", "cost", "clock", "calendar", "party", "office", "duration", "superlative"]);

/** "What" itself, not "which": "quoi", "what" and their chat spellings (a follow-up's "et c'était quoi ?"). */
const WHAT_ITSELF = "quoi koi kwa what whats wat wut";
export const WHAT_WORDS: ReadonlySet<string> = new Set(WHAT_ITSELF.split(" "));

/**
 * Question words in either language, with chat spellings and common typos ("koi", "ki", "kel",
 * "whats", "wat", "wich", "wher"), folded to what they ask for: "où" and "where" both ask "where".
 */
export const QUESTION_WORDS: ReadonlyMap<string, QuestionKind> = new Map(
  (
    [
      ["where", "ou where wheres wher whre whr"],
      ["when", "quand qd kan when whens wen"],
      ["who", "qui ki kiki who whom whose whos"],
      ["why", "pourquoi pk pq pkoi why whys"],
      ["count", "combien cb cmb nb nbre many much"],
      ["how", "comment cmt how hows hw"],
      ["what", `${WHAT_ITSELF} quel quelle quels quelles kel kelle kels lequel laquelle lesquels lesquelles lesquel which wich whic`],
    ] as const
  ).flatMap(([kind, words]) => words.split(" ").map((word) => [word, kind] as const)),
);
