/**
 * Text folding shared by indexing and querying, so both sides of a match see the same words:
 * lower case, no accents, œ/æ spelled out, typographic apostrophes and dashes unified,
 * French elisions (l', d', qu'…) split from their word, punctuation gone.
 */

const LIGATURES: Readonly<Record<string, string>> = { œ: "oe", æ: "ae", ß: "ss" };

/** Elided French articles and pronouns that glue onto the next word ("l'otan", "qu'il"). */
const ELISION = /\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\p{L})/gu;

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´ʼ]/g, "'");
}

const INVERTED_PRONOUNS: ReadonlySet<string> = new Set(["je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "t"]);

/**
 * How a hyphenated word comes out: as its parts ("cessez", "le", "feu"), which is how questions are
 * read (the matcher joins neighbouring words back to find "cessezlefeu" however it was typed); or
 * whole ("cessezlefeu"), which is how the knowledge is indexed, so that "Pays-Bas" is not "pays"
 * and "États-Unis" not "état". A verb and its inverted pronoun ("peut-elle") always stay apart.
 */
export type Compounds = "parts" | "joined";

/** Folded words of a text, elisions removed. */
/** "n°2", "numéro 2", "#2", "number 2": the ordinal, as a word ("deuxieme", "second"). */
const NUMBERED = /(?:\b(n°|numero|number|no\.)\s*|#)(\d{1,2})\b/g;

export function tokenize(text: string, compounds: Compounds = "parts"): string[] {
  const folded = foldText(text)
    .replace(ELISION, "")
    .replace(NUMBERED, (_whole, marker: string | undefined, digits: string) => (marker === "n°" || marker === "numero" ? `${digits}e` : `${digits}${englishSuffix(Number(digits))}`));
  const tokens = splitWords(folded, compounds);
  return tokens.map((token, i) => (token === "pas" && STEP_BEFORE.has(tokens[i - 1] ?? "") ? "etape" : token));
}

/**
 * Words after which "pas" is the noun, a step ("un pas décisif vers…", "franchir le pas"), not the
 * negation, a stopword: it is read as "étape", what it means.
 */
const STEP_BEFORE: ReadonlySet<string> = new Set(["un", "le", "ce", "premier", "grand", "petit", "nouveau", "dernier", "autre"]);

const FRENCH_ORDINALS = ["", "premier", "deuxieme", "troisieme", "quatrieme", "cinquieme", "sixieme", "septieme", "huitieme", "neuvieme", "dixieme"];
const ENGLISH_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** "2e", "4ème", "3rd" are written as words ("deuxieme", "quatrieme", "third"), as the knowledge writes them. */
function ordinalWord(word: string): string | undefined {
  const found = /^(\d{1,2})(e|eme|er|ere|nd|st|rd|th)$/.exec(word);
  const n = Number(found?.[1]);
  if (!found || n < 1 || n > 10) return undefined;
  const suffix = found[2] ?? "";
  if (["nd", "st", "rd", "th"].includes(suffix)) return ENGLISH_ORDINALS[n];
  return n === 1 ? (suffix === "ere" ? "premiere" : "premier") : FRENCH_ORDINALS[n];
}

function englishSuffix(n: number): string {
  return n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th";
}

function splitWords(text: string, compounds: Compounds): string[] {
  const words = text.match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    const clean = ordinalWord(word) ?? word.replace(/'s$/, ""); // English possessive: "ukraine's" → "ukraine"
    if (clean.includes("-") || clean.includes("'")) {
      const parts = clean.split(/['-]/).filter(Boolean);
      const inverted = INVERTED_PRONOUNS.has(parts[parts.length - 1] ?? "");
      if (compounds === "joined" && !inverted) tokens.push(parts.join(""));
      else tokens.push(...parts);
    } else {
      tokens.push(clean);
    }
  }
  return tokens;
}

