// Text folding and tokenizing: what both the index and the question go through before matching.
import { beforeAll, describe, expect, it } from "vitest";
import { foldText, tokenize } from "../../src/core/normalize.js";
import { frenchPluralVerbStem, stemWord } from "../../src/core/stemming.js";
import { detectLanguage } from "../../src/core/language.js";
import { realCore, type RealCore } from "../fixtures/core.js";

describe("foldText", () => {
  it("lower-cases and strips accents, including on capitals", () => {
    expect(foldText("Où SONT les ÉTATS-UNIS à Bruxelles ?")).toBe("ou sont les etats-unis a bruxelles ?");
    expect(foldText("Häkkänen, Kyïv, garçon, naïve, Noël")).toBe("hakkanen, kyiv, garcon, naive, noel");
  });

  it("spells out œ and æ ligatures, in either case", () => {
    expect(foldText("cœur Œuvre nævus Æsop")).toBe("coeur oeuvre naevus aesop");
  });

  it("decomposes precomposed and combining accents alike", () => {
    const precomposed = "réunion";
    const combining = "re\u0301union";
    expect(foldText(precomposed)).toBe(foldText(combining));
  });

  it("unifies typographic apostrophes with the straight one", () => {
    for (const apostrophe of ["’", "‘", "`", "´", "ʼ"]) {
      expect(foldText(`l${apostrophe}Otan`)).toBe("l'otan");
    }
  });
});

describe("tokenize", () => {
  it("writes ordinals typed in digits as words, as the knowledge writes them", () => {
    expect(tokenize("le 2e objectif, la 1ère fois, le 4ème point")).toEqual(["le", "deuxieme", "objectif", "la", "premiere", "fois", "le", "quatrieme", "point"]);
    expect(tokenize("the 3rd goal, the 1st time")).toEqual(["the", "third", "goal", "the", "first", "time"]);
    expect(tokenize("30 pays, 2025, 12e")).toEqual(["30", "pays", "2025", "12e"]);
    expect(tokenize("objectif n°2, numéro 4, goal #3, number 1")).toEqual(["objectif", "deuxieme", "quatrieme", "goal", "third", "first"]);
  });

  it("drops French elisions l', d', qu' and friends, whatever the apostrophe", () => {
    expect(tokenize("l’Otan")).toEqual(["otan"]);
    expect(tokenize("L'OTAN")).toEqual(["otan"]);
    expect(tokenize("d’une trentaine")).toEqual(["une", "trentaine"]);
    expect(tokenize("qu’il, qu'elle")).toEqual(["il", "elle"]);
    expect(tokenize("jusqu’à lorsqu’on s’est n’a c’était j’ai m’a t’as")).toEqual(["a", "on", "est", "a", "etait", "ai", "a", "as"]);
  });

  it("does not mistake a word ending in l/d/s for an elision", () => {
    expect(tokenize("l'avril")).toEqual(["avril"]);
    expect(tokenize("appel d'offres")).toEqual(["appel", "offres"]);
    expect(tokenize("Brussels' role")).toContain("brussels");
  });

  it("reads a hyphenated word as its parts in a question, and whole in the knowledge", () => {
    expect(tokenize("cessez-le-feu")).toEqual(["cessez", "le", "feu"]);
    expect(tokenize("Royaume-Uni")).toEqual(["royaume", "uni"]);
    expect(tokenize("cessez-le-feu", "joined")).toEqual(["cessezlefeu"]);
    expect(tokenize("les Pays-Bas", "joined")).toEqual(["les", "paysbas"]);
  });

  it("splits a verb from its inverted pronoun without making a word of the two", () => {
    expect(tokenize("serait-elle")).toEqual(["serait", "elle"]);
    expect(tokenize("a-t-il")).toEqual(["a", "t", "il"]);
    expect(tokenize("est-ce")).toEqual(["est", "ce"]);
  });

  it("reads 'pas' after a determiner as the noun, a step, not as the negation", () => {
    expect(tokenize("un pas décisif vers l’Europe")).toEqual(["un", "etape", "decisif", "vers", "europe"]);
    expect(tokenize("franchir le pas")).toEqual(["franchir", "le", "etape"]);
    expect(tokenize("ce n’est pas décidé")).toEqual(["ce", "est", "pas", "decide"]);
    expect(tokenize("c'est pas un pas")).toEqual(["est", "pas", "un", "etape"]);
  });

  it("reads an English possessive as its noun", () => {
    expect(tokenize("Ukraine's airspace")).toEqual(["ukraine", "airspace"]);
    expect(tokenize("Ukraine’s airspace")).toEqual(["ukraine", "airspace"]);
  });

  it("drops punctuation, quotes and dashes between words", () => {
    expect(tokenize("« coalition des volontaires » — un groupe…")).toEqual(["coalition", "des", "volontaires", "un", "groupe"]);
    expect(tokenize("?!.,;:()[]{}")).toEqual([]);
    expect(tokenize("")).toEqual([]);
  });

  it("keeps digits and letters of other scripts as words", () => {
    expect(tokenize("30 pays")).toEqual(["30", "pays"]);
    // Accents fold away here too (ї → і), but the words survive.
    expect(tokenize("Київ Україна")).toEqual(["киів", "украіна"]);
  });
});

describe("stemWord (Snowball, on folded words)", () => {
  it("brings inflections of one word together, whatever accents were typed", () => {
    expect(stemWord("deployee", "fr")).toBe(stemWord("deployer", "fr"));
    expect(stemWord("deployes", "fr")).toBe(stemWord("deployer", "fr"));
    expect(stemWord("soldats", "fr")).toBe(stemWord("soldat", "fr"));
    expect(stemWord("objectives", "en")).toBe(stemWord("objective", "en"));
    expect(stemWord("soldiers", "en")).toBe(stemWord("soldier", "en"));
    expect(stemWord("countries", "en")).toBe(stemWord("country", "en"));
    expect(stemWord("ministers", "en")).toBe(stemWord("minister", "en"));
    expect(stemWord("reunie", "fr")).toBe(stemWord("reunis", "fr"));
  });

  it("keeps 'pays' (a country) apart from 'payer' and English 'pay', in both languages", () => {
    for (const language of ["fr", "en"] as const) {
      expect(stemWord("pays", language)).not.toBe(stemWord("payer", "fr"));
      expect(stemWord("pays", language)).not.toBe(stemWord("pay", "en"));
    }
  });

  it("keeps 'ready' apart from 'read' ('I read the article…') and 'objective' from 'object' ('did Hungary object?')", () => {
    expect(stemWord("ready", "en")).toBe(stemWord("readiness", "en"));
    expect(stemWord("objective", "en")).toBe(stemWord("objectives", "en"));
    for (const language of ["fr", "en"] as const) {
      expect(stemWord("ready", language)).not.toBe(stemWord("read", "en"));
      expect(stemWord("objectives", language)).not.toBe(stemWord("object", "en"));
    }
  });

  it("keeps weapons ('armes', 'arms') apart from the army ('armée', 'army') and from 'armé' (armed), and one with the other", () => {
    expect(stemWord("armes", "fr")).not.toBe(stemWord("arme", "fr"));
    expect(stemWord("arms", "en")).toBe(stemWord("armes", "fr"));
    expect(stemWord("armes", "fr")).not.toBe(stemWord("armee", "fr"));
    expect(stemWord("arms", "en")).not.toBe(stemWord("army", "en"));
    expect(stemWord("armees", "fr")).toBe(stemWord("armee", "fr"));
  });

  it("keeps a setup ('dispositif') from readiness ('disposition'), growing ('grandissant') from big ('grand'), 'pivotal' from 'pivot'", () => {
    expect(stemWord("dispositif", "fr")).not.toBe(stemWord("disposition", "fr"));
    expect(stemWord("dispositifs", "fr")).toBe(stemWord("dispositif", "fr"));
    expect(stemWord("grandissante", "fr")).not.toBe(stemWord("grande", "fr"));
    expect(stemWord("grandir", "fr")).toBe(stemWord("grandissant", "fr"));
    expect(stemWord("pivotal", "en")).not.toBe(stemWord("pivot", "en"));
  });

  it("finds the infinitive's stem of a French verb's plural, which Snowball leaves whole", () => {
    expect(stemWord("contribuent", "fr")).toBe("contribuent");
    expect(frenchPluralVerbStem("contribuent")).toBe(stemWord("contribuer", "fr"));
    expect(frenchPluralVerbStem("participent")).toBe(stemWord("participer", "fr"));
    // Adverbs and short words are no verbs' plurals.
    expect(frenchPluralVerbStem("clairement")).toBeUndefined();
    expect(frenchPluralVerbStem("agent")).toBeUndefined();
  });

  it("leaves short words and numbers alone", () => {
    expect(stemWord("war", "en")).toBe("war");
    expect(stemWord("2025s", "en")).toBe("2025s");
  });
});

describe("detectLanguage", () => {
  it("reads French function words, accents and elisions as French", () => {
    expect(detectLanguage("combien de pays ?")).toBe("fr");
    expect(detectLanguage("où ?")).toBe("fr");
    expect(detectLanguage("l'otan")).toBe("fr");
  });

  it("reads English function words as English", () => {
    expect(detectLanguage("who launched it")).toBe("en");
    expect(detectLanguage("what's the plan")).toBe("en");
  });

  it("says French when it cannot tell, since the article is French", () => {
    expect(detectLanguage("")).toBe("fr");
    expect(detectLanguage("Brekelmans")).toBe("fr");
    expect(detectLanguage("🙂")).toBe("fr");
  });
});

describe("normalization as the answerer sees it", () => {
  let core: RealCore;
  beforeAll(async () => {
    core = await realCore();
  });

  // Each row: a question and spellings of it that must reach the same fact.
  const variants: readonly (readonly string[])[] = [
    ["Où s’est tenue la réunion ?", "OU S'EST TENUE LA REUNION ?", "ou s`est tenue la réunion", "Où s‘est tenue la rèunion"],
    ["Qu’a dit le ministre néerlandais ?", "qu'a dit le ministre neerlandais", "QU’A DIT LE MINISTRE NÉERLANDAIS"],
    ["Y a-t-il un cessez-le-feu ?", "y a t il un cessez le feu", "Y A-T-IL UN CESSEZ-LE-FEU"],
    ["Que dit Häkkänen ?", "que dit hakkanen", "QUE DIT HÄKKÄNEN", "que dit Ha\u0308kka\u0308nen"],
  ];

  it.each(variants)("%s: every spelling reaches the same fact", (original, ...others) => {
    const expected = core.answerer.answer(original);
    expect(expected.status).toBe("answered");
    for (const other of others) {
      const got = core.answerer.answer(other);
      expect({ question: other, factId: got.factId, language: got.language }).toEqual({
        question: other,
        factId: expected.factId,
        language: expected.language,
      });
    }
  });

  it("treats œ and oe alike in a question", () => {
    // No fact is about hearts: both spellings must at least be read the same way.
    const withLigature = core.answerer.answer("Quelle est l’œuvre de la coalition ?");
    const spelledOut = core.answerer.answer("Quelle est l'oeuvre de la coalition ?");
    expect(spelledOut.factId).toBe(withLigature.factId);
    expect(spelledOut.status).toBe(withLigature.status);
    expect(spelledOut.confidence).toBe(withLigature.confidence);
  });
});
