// `npm run knowledge:draft -- <article.txt> [--pack NAME]`: turns a new article into a draft pack,
// one fact skeleton per sentence with its quote filled in, for a curator to complete.
import { copyFile, mkdir, readFile, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { z } from "zod";
import { splitSentences } from "../core/coverage.js";
import { ARTICLE_FILE, DEFAULT_KNOWLEDGE_DIR, FACTS_FILE } from "../core/knowledge-loader.js";
import { foldText } from "../core/normalize.js";
import { runCli } from "./run.js";

const USAGE = `Usage: npm run knowledge:draft -- <article.txt> [--pack NAME] [--knowledge DIR]
  Writes DIR/NAME/article.txt (a byte-for-byte copy) and DIR/NAME/facts.yaml (one fact skeleton
  per sentence). The draft fails \`npm run knowledge:check\` until every answer and question is
  written, so it can never answer users half-done.`;

const FlagsSchema = z.object({
  article: z.string().min(1, "give the article's path"),
  pack: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "--pack must be kebab-case, like my-article").optional(),
  knowledge: z.string().min(1).default(DEFAULT_KNOWLEDGE_DIR),
});

function kebab(text: string, fallback: string): string {
  const words = foldText(text).match(/[a-z0-9]+/g) ?? [];
  return words.slice(0, 5).join("-") || fallback;
}

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    options: { pack: { type: "string" }, knowledge: { type: "string" } },
    allowPositionals: true,
  });
  const flags = FlagsSchema.parse({ ...values, article: positionals[0] ?? "" });
  const article = await readFile(flags.article, "utf8");
  const packId = flags.pack ?? kebab(path.basename(flags.article, path.extname(flags.article)), "new-article");
  const packDir = path.join(flags.knowledge, packId);
  if (await access(packDir).then(() => true, () => false)) {
    throw new Error(`${packDir} already exists; choose another --pack name or remove it first`);
  }

  const ids = new Set<string>();
  const facts = splitSentences(article).map(({ text }, index) => {
    let id = kebab(text, `fact-${index + 1}`);
    while (ids.has(id)) id = `${id}-${index + 1}`;
    ids.add(id);
    return {
      id,
      topic: "main",
      answer: { fr: "", en: "" },
      questions: { fr: ["", ""], en: ["", ""] },
      aliases: { fr: [], en: [] },
      quote: text,
    };
  });
  const draft = {
    pack: { id: packId, title: "", language: "fr" },
    topics: [{ id: "main", label: { fr: "", en: "" } }],
    facts,
  };
  await mkdir(packDir, { recursive: true });
  await copyFile(flags.article, path.join(packDir, ARTICLE_FILE));
  const header =
    "# yaml-language-server: $schema=../facts.schema.json\n" +
    "# DRAFT: fill in the title, topics, answers and sample questions; merge or drop sentences that\n" +
    "# are not facts; then run `npm run knowledge:check` until it passes.\n";
  await writeFile(path.join(packDir, FACTS_FILE), header + stringify(draft, { lineWidth: 0 }));
  console.log(`Drafted ${facts.length} facts in ${packDir}. Next: edit ${FACTS_FILE}, then npm run knowledge:check.`);
});
