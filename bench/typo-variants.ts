// Writes the public evaluation set again with one random typo per question (a swapped, dropped or
// doubled letter, or lost accents), five variants per question, to measure typo tolerance:
//   npx tsx bench/typo-variants.ts /tmp/typos.jsonl [seed] && node ../shared/eval/score.mjs --set /tmp/typos.jsonl
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [target = "typo-variants.jsonl", seedArgument = "11"] = process.argv.slice(2);
let seed = Number(seedArgument) || 11;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const source = new URL("../../shared/eval/questions.jsonl", import.meta.url);
const items = readFileSync(source, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { q: string });
const out: string[] = [];
for (const item of items) {
  for (let variant = 0; variant < 5; variant++) {
    const words = item.q.split(" ");
    const i = Math.floor(random() * words.length);
    const word = words[i] ?? "";
    if (word.length >= 4) {
      const at = 1 + Math.floor(random() * (word.length - 2));
      const kind = Math.floor(random() * 4);
      words[i] =
        kind === 0 ? word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2)
        : kind === 1 ? word.slice(0, at) + word.slice(at + 1)
        : kind === 2 ? word.slice(0, at) + (word[at] ?? "") + word.slice(at)
        : word.normalize("NFD").replace(/\p{M}/gu, "");
    }
    out.push(JSON.stringify({ ...item, q: words.join(" ").toLowerCase() }));
  }
}
// The output is a new file: never the set it reads (it once was overwritten by a mistyped command).
if (existsSync(target) && realpathSync(target) === realpathSync(fileURLToPath(source))) {
  console.error(`refusing to overwrite the public set ${target}: give the path of a new file to write`);
  process.exit(2);
}
writeFileSync(target, `${out.join("\n")}\n`, { flag: "wx" });
console.log(`wrote ${out.length} questions to ${target}`);
