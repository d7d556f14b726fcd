import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isAlias, isNode, LineCounter, parseDocument, visit, type Document } from "yaml";
import { KnowledgeError, type KnowledgeProblem } from "./errors.js";
import { PackSchema, type Fact, type Knowledge, type Pack } from "./knowledge-schema.js";

export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));
export const FACTS_FILE = "facts.yaml";
export const ARTICLE_FILE = "article.txt";

/**
 * How far aliases may expand (the yaml library's maxAliasCount, in its units: each alias weighs the
 * aliases inside what it points at). A facts file needs few aliases if any; a "billion laughs"
 * file needs millions. 100 is the library's default, written here so an upgrade cannot lift it.
 */
const MAX_YAML_ALIAS_COUNT = 100;

/** Each pack is a folder of knowledge/ holding facts.yaml and article.txt. */
export async function listPackDirs(knowledgeDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(knowledgeDir, { withFileTypes: true });
  } catch {
    throw new KnowledgeError([{ file: knowledgeDir, message: "the knowledge folder cannot be read; does it exist?" }]);
  }
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(knowledgeDir, e.name))
    .sort();
}

/**
 * The line to point at when turning the YAML into data failed on an alias: the first alias whose
 * anchor is not defined before it, else the first alias (where an expansion bomb starts).
 */
function aliasLine(doc: Document, lines: LineCounter): number | undefined {
  const anchors = new Set<string>();
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const line = node.range ? lines.linePos(node.range[0]).line : undefined;
      first ??= line;
      if (!anchors.has(node.source)) {
        unresolved = line;
        return visit.BREAK;
      }
    } else if (isNode(node) && node.anchor !== undefined) {
      anchors.add(node.anchor);
    }
    return undefined;
  });
  return unresolved ?? first;
}

/** The YAML as plain data, or the problem that stopped it (an alias bomb, an alias to nothing). */
function toData(doc: Document, lines: LineCounter, file: string): { data: unknown } | { problem: KnowledgeProblem } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) };
  } catch (error) {
    const line = aliasLine(doc, lines);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problem: {
        file,
        ...(line === undefined ? {} : { line }),
        message: `not valid YAML: ${reason}${/excessive alias/i.test(reason) ? ` (the aliases here expand past maxAliasCount ${MAX_YAML_ALIAS_COUNT}; write the values out instead)` : ""}`,
      },
    };
  }
}

function lineOf(doc: Document, lines: LineCounter, pathInDoc: readonly (string | number)[]): number | undefined {
  for (let depth = pathInDoc.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(pathInDoc.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parses and validates one pack; every problem is reported with its file, line, fact id and field. */
export async function loadPack(packDir: string): Promise<{ pack?: Pack; problems: KnowledgeProblem[] }> {
  const factsPath = path.join(packDir, FACTS_FILE);
  const articlePath = path.join(packDir, ARTICLE_FILE);
  const problems: KnowledgeProblem[] = [];
  const [factsText, article] = await Promise.all([
    readFile(factsPath, "utf8").catch(() => undefined),
    readFile(articlePath, "utf8").catch(() => undefined),
  ]);
  if (factsText === undefined) problems.push({ file: factsPath, message: "missing or unreadable; every pack needs one" });
  if (article === undefined) problems.push({ file: articlePath, message: "missing or unreadable; every pack needs the article" });
  if (factsText === undefined || article === undefined) return { problems };

  const lines = new LineCounter();
  const doc = parseDocument(factsText, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file: factsPath,
        line: error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line,
        message: `not valid YAML: ${error.message.split("\n")[0] ?? error.code}`,
      });
    }
    return { problems };
  }
  const converted = toData(doc, lines, factsPath);
  if ("problem" in converted) return { problems: [converted.problem] };
  const parsed = PackSchema.safeParse(converted.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [section, index, ...rest] = issue.path;
      let factId: string | undefined;
      // A refusal (unsaid) is named by its id as a fact is.
      const entry = (section === "facts" || section === "unsaid") && typeof index === "number";
      if (entry) {
        const id: unknown = doc.getIn([section, index, "id"]);
        factId = typeof id === "string" ? id : `#${index + 1}`;
      }
      // An entity is named by its id, as a fact is: "entities.finland.names.en".
      const entityId: unknown = section === "entities" && typeof index === "number" ? doc.getIn(["entities", index, "id"]) : undefined;
      const field =
        typeof entityId === "string"
          ? ["entities", entityId, ...rest].join(".")
          : (entry ? (section === "facts" ? rest : ["unsaid", ...rest]) : issue.path).join(".");
      const line = lineOf(doc, lines, issue.path.filter((k): k is string | number => typeof k !== "symbol"));
      problems.push({
        file: factsPath,
        ...(line === undefined ? {} : { line }),
        ...(factId === undefined ? {} : { factId }),
        ...(field ? { field } : {}),
        message: issue.message,
      });
    }
    return { problems };
  }
  const pack: Pack = {
    ...parsed.data,
    dir: packDir,
    factsPath,
    articlePath,
    article,
    lineOf: (pathInDoc) => lineOf(doc, lines, pathInDoc),
  };
  return { pack, problems };
}

/** Cross-checks inside and across packs: what the schema alone cannot see. */
export function checkConsistency(packs: readonly Pack[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, string>();
  const questions = new Map<string, string>();
  for (const pack of packs) {
    const topicIds = new Set(pack.topics.map((t) => t.id));
    if (pack.pack.id !== path.basename(pack.dir)) {
      problems.push({ file: pack.factsPath, field: "pack.id", message: `is "${pack.pack.id}" but the folder is "${path.basename(pack.dir)}"; make them the same` });
    }
    const lineAt =
      (list: "facts" | "unsaid", index: number) =>
      (...field: (string | number)[]): { line?: number } => {
        const line = pack.lineOf?.([list, index, ...field]);
        return line === undefined ? {} : { line };
      };
    const entries = [...pack.facts.map((fact, index) => ({ entry: fact, at: lineAt("facts", index) })), ...(pack.unsaid ?? []).map((unsaid, index) => ({ entry: unsaid, at: lineAt("unsaid", index) }))];
    for (const { entry, at } of entries) {
      const where = { file: pack.factsPath, factId: entry.id };
      const seenIn = ids.get(entry.id);
      if (seenIn !== undefined) problems.push({ ...where, ...at("id"), field: "id", message: `duplicate id, also used in ${seenIn}` });
      else ids.set(entry.id, pack.factsPath);
      if (!topicIds.has(entry.topic)) {
        problems.push({ ...where, ...at("topic"), field: "topic", message: `"${entry.topic}" is not one of the pack's topics (${[...topicIds].join(", ")})` });
      }
      problems.push(...duplicateQuestions(entry, questions, where, at));
    }
    for (const [index, fact] of pack.facts.entries()) {
      const at = lineAt("facts", index);
      const where = { file: pack.factsPath, factId: fact.id };
      if (fact.partOf !== undefined && (fact.partOf === fact.id || !pack.facts.some((f) => f.id === fact.partOf))) {
        problems.push({ ...where, ...at("partOf"), field: "partOf", message: `"${fact.partOf}" is not another fact of this pack; name the fact whose list this one is an item of` });
      }
      if (!pack.article.includes(fact.quote)) {
        problems.push({ ...where, ...at("quote"), field: "quote", message: "is not a verbatim passage of the article; copy it from article.txt exactly" });
      }
    }
    for (const [index, unsaid] of (pack.unsaid ?? []).entries()) {
      if (unsaid.see !== undefined && !pack.facts.some((f) => f.id === unsaid.see)) {
        const where = { file: pack.factsPath, factId: unsaid.id };
        problems.push({ ...where, ...lineAt("unsaid", index)("see"), field: "see", message: `"${unsaid.see}" is not a fact of this pack; name the fact whose answer is the nearest thing the article does say` });
      }
    }
  }
  return problems;
}

/** A sample question already another entry's: a question must lead to one fact, or to one refusal. */
function duplicateQuestions(
  entry: { readonly id: string; readonly questions: Fact["questions"] },
  owners: Map<string, string>,
  where: { readonly file: string; readonly factId: string },
  at: (...field: (string | number)[]) => { line?: number },
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const language of ["fr", "en"] as const) {
    for (const [n, question] of entry.questions[language].entries()) {
      const key = question.toLowerCase().normalize("NFC").replace(/\s+/g, " ").trim();
      const owner = owners.get(key);
      if (owner !== undefined && owner !== entry.id) {
        problems.push({ ...where, ...at("questions", language, n), field: `questions.${language}`, message: `"${question}" is also a sample question of "${owner}"; a question must lead to one fact` });
      } else {
        owners.set(key, entry.id);
      }
    }
  }
  return problems;
}

export interface LoadedKnowledge {
  readonly knowledge: Knowledge;
  readonly problems: readonly KnowledgeProblem[];
}

/** Loads every pack and collects every problem, without throwing: what `knowledge:check` reports. */
export async function inspectKnowledge(knowledgeDir: string = DEFAULT_KNOWLEDGE_DIR): Promise<LoadedKnowledge> {
  const dirs = await listPackDirs(knowledgeDir);
  const results = await Promise.all(dirs.map(loadPack));
  const packs = results.flatMap((r) => (r.pack ? [r.pack] : []));
  const problems = [...results.flatMap((r) => r.problems), ...checkConsistency(packs)];
  if (dirs.length === 0) problems.push({ file: knowledgeDir, message: "holds no pack; add a folder with facts.yaml and article.txt" });
  return { knowledge: { packs }, problems };
}

/** Loads every pack of the knowledge folder; throws a KnowledgeError naming each problem. */
export async function loadKnowledge(knowledgeDir: string = DEFAULT_KNOWLEDGE_DIR): Promise<Knowledge> {
  const { knowledge, problems } = await inspectKnowledge(knowledgeDir);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}
