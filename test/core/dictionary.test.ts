// The word lists the respelling check reads: words of either language, folded as the matcher folds.
import { describe, expect, it } from "vitest";
import { dictionaryWords } from "../../src/core/dictionary.js";

describe("dictionary", () => {
  it("knows French and English words, folded ('armées' is 'armees'), and no made-up forms", () => {
    expect(dictionaryWords(["armes", "armees", "servait", "finish", "obstacels", "mision", "qzxvbn"])).toEqual(new Set(["armes", "armees", "servait", "finish"]));
  });
});
