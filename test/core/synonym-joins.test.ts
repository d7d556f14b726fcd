// The report `knowledge:check` prints of synonym groups one term joins.
import { describe, expect, it } from "vitest";
import { synonymJoins } from "../../src/core/synonym-joins.js";
import { KNOWLEDGE_DIR } from "../fixtures/core.js";
import { loadKnowledge } from "../../src/index.js";

describe("synonym joins", () => {
  it("names the term two groups share and the entries of each that reach it, and nothing for groups apart", async () => {
    const [pack] = (await loadKnowledge(KNOWLEDGE_DIR)).packs;
    if (!pack) throw new Error("no pack");
    // Folded, "traîner" stems as "train": it joins the stagnation words to training.
    const joined = { ...pack, synonyms: [["stagner", "traîner"], ["entraîner", "train", "training"], ["guerre", "war"]] };
    expect(synonymJoins(joined)).toEqual([{ term: "train", groups: [{ index: 0, entries: ["traîner"] }, { index: 1, entries: ["train", "training"] }] }]);
    expect(synonymJoins({ ...pack, synonyms: [["stagner", "bloquer"], ["guerre", "war"]] })).toEqual([]);
  });
});
