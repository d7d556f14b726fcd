import { ZodError } from "zod";
import { KnowledgeError } from "../core/errors.js";

/**
 * Runs a command's body and turns the failures a user can fix into a short message and an exit
 * code, instead of a stack trace.
 */
export async function runCli(usage: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      process.exitCode = 1;
    } else if (error instanceof ZodError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      console.error(`${error instanceof ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") : error.message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  }
}
