/** Where in the knowledge a problem is: enough for a curator to open the file at the right line. */
export interface KnowledgeLocation {
  readonly file: string;
  readonly line?: number;
  readonly factId?: string;
  readonly field?: string;
}

export interface KnowledgeProblem extends KnowledgeLocation {
  readonly message: string;
}

export function formatProblem(problem: KnowledgeProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const fact = problem.factId === undefined ? "" : ` fact "${problem.factId}"`;
  const field = problem.field === undefined ? "" : ` field "${problem.field}"`;
  return `${where}${fact}${field}: ${problem.message}`;
}

/** The knowledge cannot be loaded or does not hold together; lists every problem found. */
export class KnowledgeError extends Error {
  readonly code = "KNOWLEDGE_INVALID";
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(
      `The knowledge has ${problems.length} problem${problems.length === 1 ? "" : "s"} ` +
        `(run \`npm run knowledge:check\` for details):\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "KnowledgeError";
  }
}
