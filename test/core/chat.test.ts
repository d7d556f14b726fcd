// The terminal chat is one conversation: each question is handed the turns the core gave before.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.js";
import { realCore } from "../fixtures/core.js";
import { recordingAnswerer, turnsOf } from "../support/recording-answerer.js";

describe("terminal chat", () => {
  it("answers each line in the context of the lines before it, and /topics without asking the core", async () => {
    const core = recordingAnswerer((await realCore()).answerer);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
    input.end("what did the British defence minister say?\n/topics\nand the Finnish one?\n\nwhat was his point?\n");
    await runChat(core, input, output);
    expect(core.questions.map((q) => q.question)).toEqual(["what did the British defence minister say?", "and the Finnish one?", "what was his point?"]);
    const [first, second, third] = core.questions;
    expect(first?.context).toEqual([]);
    expect(second?.context).toEqual(turnsOf(first ? [first.answer] : []));
    expect(third?.context).toEqual(turnsOf([first, second].flatMap((q) => (q ? [q.answer] : []))));
    for (const question of core.questions) expect(printed).toContain(question.answer.answer);
  });
});
