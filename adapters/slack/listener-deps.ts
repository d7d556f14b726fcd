import type { Answerer, Language, Logger } from "../../src/index.js";
import type { RecentKeys } from "./dedupe.js";

/** What every listener needs besides Bolt's own arguments; built once in app.ts. */
export interface ListenerDeps {
  readonly answerer: Answerer;
  readonly logger: Logger;
  /** Messages already answered, by `channel:ts`, so one message never gets two answers. */
  readonly answeredMessages: RecentKeys;
}

/** The language of a question for an apology, when even that can be worked out. */
export function languageOf(deps: ListenerDeps, question: string): Language | undefined {
  try {
    return deps.answerer.answer(question).language;
  } catch {
    return undefined;
  }
}
