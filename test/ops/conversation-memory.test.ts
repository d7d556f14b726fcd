// The conversation memory: last turns per conversation, bounded in conversations and turns, and
// forgotten 30 minutes after a conversation's last turn (a test clock, not a wait).
import { describe, expect, it } from "vitest";
import {
  createInMemoryConversationMemory,
  DEFAULT_CONVERSATION_TTL_MS,
  DEFAULT_MAX_TURNS,
} from "../../src/conversation-memory.js";
import type { ConversationTurn } from "../../src/index.js";

function turn(question: string): ConversationTurn {
  return { question, factId: "coalition-size", entities: [], language: "en" };
}

const MINUTE_MS = 60_000;

describe("in-memory conversation memory", () => {
  it("keeps the turns of a conversation, oldest first, only the last few", async () => {
    const memory = createInMemoryConversationMemory();
    for (let i = 1; i <= DEFAULT_MAX_TURNS + 2; i++) await memory.append("slack:C1:1.1", turn(`question ${i}`));
    const turns = await memory.get("slack:C1:1.1");
    expect(turns.map((t) => t.question)).toEqual(["question 3", "question 4", "question 5", "question 6", "question 7"]);
    expect(await memory.get("slack:C1:2.2")).toEqual([]);
  });

  it("is bounded: past the most conversations it remembers, the least recently active is forgotten", async () => {
    const memory = createInMemoryConversationMemory({ maxConversations: 100 });
    for (let i = 0; i < 250; i++) await memory.append(`discord:dm:${i}`, turn(`question ${i}`));
    let remembered = 0;
    for (let i = 0; i < 250; i++) if ((await memory.get(`discord:dm:${i}`)).length > 0) remembered += 1;
    expect(remembered).toBe(100);
    expect(await memory.get("discord:dm:0")).toEqual([]);
    expect((await memory.get("discord:dm:249")).map((t) => t.question)).toEqual(["question 249"]);
  });

  it("forgets a conversation 30 minutes after its last turn, and a new turn restarts the clock", async () => {
    let now = 1_000;
    const memory = createInMemoryConversationMemory({ now: () => now });
    await memory.append("slack:D1", turn("first"));
    await memory.append("slack:D2", turn("other"));
    now += 20 * MINUTE_MS;
    await memory.append("slack:D1", turn("second"));
    now += 20 * MINUTE_MS; // 40 min after D1's first turn, 20 after its last; D2 is 40 min old
    expect((await memory.get("slack:D1")).map((t) => t.question)).toEqual(["first", "second"]);
    expect(await memory.get("slack:D2")).toEqual([]);
    now += DEFAULT_CONVERSATION_TTL_MS - 20 * MINUTE_MS; // 30 min after D1's last turn: still there
    expect(await memory.get("slack:D1")).toHaveLength(2);
    now += 1;
    expect(await memory.get("slack:D1")).toEqual([]);
  });
});
