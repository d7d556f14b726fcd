import type { Answerer } from "./answerer-types.js";
import { EntityLexicon } from "./entities.js";
import { entityCatalog } from "./entity-catalog.js";
import type { KnowledgeProblem } from "./errors.js";
import type { Pack } from "./knowledge-schema.js";
import { foldText, tokenize } from "./normalize.js";

/**
 * What `knowledge:check` proves of a pack's entities beyond the schema: ids unique, groups made
 * of entities the core knows, every entity named by the article, every kind a fact `settles`
 * named by that fact.
 */
export function checkEntities(pack: Pack): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const catalogIds = new Set(entityCatalog().map((e) => e.id));
  const article = foldText(pack.article);
  const seen = new Set<string>();
  for (const [index, entity] of (pack.entities ?? []).entries()) {
    const at = (...field: (string | number)[]): { line?: number } => {
      const line = pack.lineOf?.(["entities", index, ...field]);
      return line === undefined ? {} : { line };
    };
    const where = { file: pack.factsPath, field: `entities.${entity.id}` };
    if (seen.has(entity.id)) problems.push({ ...where, ...at("id"), message: "duplicate entity id; give each entity its own" });
    seen.add(entity.id);
    for (const member of entity.includes ?? []) {
      if (!catalogIds.has(member)) problems.push({ ...where, ...at("includes"), message: `includes "${member}", which no catalog entity is (ids look like country:EE)` });
    }
    const names = [...entity.names.fr, ...entity.names.en];
    if (!names.some((name) => article.includes(foldText(name)))) {
      problems.push({ ...where, ...at("names"), message: `none of its names (${names.join(", ")}) is in the article; declare only what the article names` });
    }
  }
  problems.push(...unnamedSettledKinds(pack));
  return problems;
}

/** A fact that `settles` or `affirms` a kind must name one of that kind (answer, quote or aliases): the "no" or "yes" says which. */
function unnamedSettledKinds(pack: Pack): KnowledgeProblem[] {
  const lexicon = new EntityLexicon([pack]);
  return pack.facts.flatMap((fact, index) => {
    const named = lexicon.namedBy(fact).kinds;
    return (["settles", "affirms"] as const).flatMap((field) =>
      (fact[field] ?? []).flatMap((kind) => {
        if (named.has(kind)) return [];
        const line = pack.lineOf?.(["facts", index, field]);
        return [{
          file: pack.factsPath,
          ...(line === undefined ? {} : { line }),
          factId: fact.id,
          field,
          message: `${field} "${kind}", but its answer, quote and aliases name nothing of that kind: name it, or remove "${kind}"`,
        }];
      }),
    );
  });
}

/**
 * Sample questions their own fact would refuse because they name what its answer, quote and
 * aliases do not ("Is the coalition a US initiative?" on a fact naming France and the UK): such a
 * question teaches the matcher nothing and contradicts the fact. Found by asking each one.
 */
export function selfContradictingQuestions(pack: Pack, answerer: Answerer): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const lexicon = new EntityLexicon([pack]);
  for (const [index, fact] of pack.facts.entries()) {
    for (const language of ["fr", "en"] as const) {
      for (const [n, question] of fact.questions[language].entries()) {
        // Only a question naming something can clash: the others need no asking.
        if (lexicon.find(tokenize(question), question).length === 0) continue;
        const own = answerer.explain(question).chosen;
        // A name the fact contradicts ("was it on a Monday?" of the Thursday fact) is its to answer: "no".
        const clash = own?.factId === fact.id ? own.entities.clashes[0] : undefined;
        if (!clash) continue;
        const line = pack.lineOf?.(["facts", index, "questions", language, n]);
        problems.push({
          file: pack.factsPath,
          ...(line === undefined ? {} : { line }),
          factId: fact.id,
          field: `questions.${language}`,
          message: `"${question}" names ${clash.label.en} (${clash.id}), which the fact's answer, quote and aliases do not: reword it or remove it`,
        });
      }
    }
  }
  return problems;
}
