import { createInterface } from "node:readline";

/** Standard input, one line at a time, in order; ends with the input. */
export function inputLines(input: NodeJS.ReadableStream = process.stdin): AsyncIterable<string> {
  return createInterface({ input, crlfDelay: Infinity, terminal: false });
}
