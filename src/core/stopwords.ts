/**
 * Words that carry no meaning for matching in either language ("but" stays: in French it is the
 * goal, "le but"). Question words (combien, où, qui, quand, who, where, when, how…) are
 * deliberately absent: they tell "where did they meet" from "when did they meet".
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // French
    "le la les l un une des du de d au aux a et mais donc or ni car ce cet cette ces ca ça cela ceci " +
    "il elle ils elles on je tu nous vous me te se lui leur leurs y en ne pas plus tres bien " +
    "est sont etait etaient ete etre sera seront serait seraient a ont avait avaient avoir aura auront " +
    "fait faire font va vont peut peuvent doit dans sur sous pour par avec sans entre chez vers " +
    "son sa ses mon ma mes ton ta tes notre nos votre vos que qu se si tout tous toute toutes " +
    "t moi stp svp sil merci alors bon ben bah euh hein voila truc deja encore maintenant actuellement " +
    "vraiment exactement precisement donne donnez dis dites explique expliquez liste listez cite citez " +
    "moment instant ici la-bas sais sait savez savent savoir quelqu quelquun genre bref enfin " +
    "actuel actuelle actuels actuelles total final finalement " +
    // Elisions typed without their apostrophe ("cest", "sest", "quil").
    "cest sest nest quil quils quelle quon jai jsuis dun dune lun lune " +
    // English
    "the a an of to in on at by for with from into about as and or nor so is are was were be been being " +
    "do does did done have has had having will would shall should can could may might must " +
    "it its this that these those there here they them their he she his her we us our you your i me my " +
    "any some just really actually please tell know let also then than " +
    "up out over any thing things stuff get got yet still already now currently exactly ever even " +
    "name list give show explain describe mention r u ur pls plz all so like ok okay hey hi hello bot guys folks " +
    "anyway basically right smth sth btw idk tbh imo fyi iirc afaik anyone anybody someone somebody " +
    "supposed gonna wanna gotta kinda sorta guess current status total final finally away overall"
  ).split(/\s+/),
);

/**
 * Question words, kept in the match and folded to what they ask for, in either language: "où" and
 * "where" both become "?where". Two questions that ask for different things ("où" / "pourquoi")
 * should not match however many other words they share.
 */
export const QUESTION_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Chat spellings and common typos too: "koi", "ki", "kel", "whats", "wat", "wich", "wher".
    "?where": "ou where wheres wher whre",
    "?when": "quand qd kan when whens wen",
    "?who": "qui ki who whom whose whos",
    "?why": "pourquoi pk pq pkoi why whys",
    "?count": "combien cb cmb many much",
    "?how": "comment cmt how hows hw",
    "?what": "quoi koi kwa quel quelle quels quelles kel kelle kels lequel laquelle what whats wat wut which wich whic",
  }).flatMap(([kind, words]) => words.split(" ").map((word) => [word, kind] as const)),
);

/** "?what" asks for anything: it never contradicts another question word. */
export const GENERIC_QUESTION_KIND = "?what";
