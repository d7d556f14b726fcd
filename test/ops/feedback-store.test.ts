import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createFeedbackStore, FeedbackRecordSchema, readFeedback, readFeedbackFile } from "../../src/ops/feedback-store.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "feedback-"));
  dirs.push(dir);
  return dir;
}

/** Collects warnings and errors the way a pino logger would receive them. */
function recordingLogger() {
  const warnings: { details: object; message: string }[] = [];
  const errors: { details: object; message: string }[] = [];
  return {
    warnings,
    errors,
    warn(details: object, message: string) {
      warnings.push({ details, message });
    },
    error(details: object, message: string) {
      errors.push({ details, message });
    },
  };
}

const TIME = new Date("2025-03-04T10:00:00.000Z");
const refused = { status: "unknown", factId: null, confidence: 0.21 } as const;
const answered = { status: "answered", factId: "troops-count", confidence: 0.93 } as const;

describe("feedback store", () => {
  it("appends refusals, answers and votes as JSON lines and reads them back", async () => {
    const dataDir = path.join(await tempDir(), "nested", "data");
    const logger = recordingLogger();
    const store = createFeedbackStore({ dataDir, recordQuestions: true, logger, now: () => TIME });

    await expect(store.recordQuestion("slack", "Who won the match?", refused)).resolves.toBe(true);
    await expect(store.recordQuestion("discord", "How many troops?", answered)).resolves.toBe(true);
    await expect(store.recordVote({ platform: "discord", vote: "down", factId: "troops-count", confidence: 0.93 })).resolves.toBe(true);

    const lines = (await readFile(store.file, "utf8")).split("\n");
    expect(lines).toHaveLength(4); // three records, each ending with its newline
    expect(lines[3]).toBe("");
    for (const line of lines.slice(0, 3)) expect(FeedbackRecordSchema.safeParse(JSON.parse(line)).success).toBe(true);

    const records = await readFeedback(dataDir, { logger });
    expect(records).toEqual([
      { time: TIME.toISOString(), platform: "slack", question: "Who won the match?", status: "unknown", factId: null, confidence: 0.21, vote: null },
      // An answered question is counted for answer rates; its text is never kept.
      { time: TIME.toISOString(), platform: "discord", question: null, status: "answered", factId: "troops-count", confidence: 0.93, vote: null },
      { time: TIME.toISOString(), platform: "discord", question: null, status: "answered", factId: "troops-count", confidence: 0.93, vote: "down" },
    ]);
    expect(logger.warnings).toEqual([]);
    expect(logger.errors).toEqual([]);
  });

  it("keeps no question text at all when RECORD_QUESTIONS=false", async () => {
    const dataDir = await tempDir();
    const logger = recordingLogger();
    const store = createFeedbackStore({ dataDir, recordQuestions: false, logger });
    await store.recordQuestion("slack", "secret project falcon budget?", refused);
    await store.recordVote({ platform: "slack", vote: "up", factId: "troops-count", question: "secret project falcon budget?" });
    const raw = await readFile(store.file, "utf8");
    expect(raw).not.toContain("falcon");
    const records = await readFeedback(dataDir, { logger });
    expect(records.map((r) => r.question)).toEqual([null, null]);
  });

  it("skips a torn last line with a warning, and the next record starts on a line of its own", async () => {
    const dataDir = await tempDir();
    const logger = recordingLogger();
    const store = createFeedbackStore({ dataDir, recordQuestions: true, logger, now: () => TIME });
    await store.recordQuestion("slack", "first?", refused);
    // A crash mid-write: half a record, no newline.
    await appendFile(store.file, '{"time":"2025-03-04T10:00:00.000Z","platform":"sla');

    const afterCrash = await readFeedbackFile(store.file, { logger });
    expect(afterCrash.map((r) => r.question)).toEqual(["first?"]);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toMatchObject({ details: { file: store.file, line: 2 } });

    // A new process (a new store) appends after the torn line, not glued to it.
    const restarted = createFeedbackStore({ dataDir, recordQuestions: true, logger, now: () => TIME });
    await restarted.recordQuestion("discord", "second?", refused);
    await restarted.recordQuestion("discord", "third?", refused);
    const records = await readFeedback(dataDir, { logger });
    expect(records.map((r) => r.question)).toEqual(["first?", "second?", "third?"]);
    expect(logger.warnings).toHaveLength(2); // the same torn line, read twice
  });

  it("reports through a pino logger", async () => {
    const dataDir = await tempDir();
    await writeFile(path.join(dataDir, "feedback.jsonl"), "{torn");
    const stream = new PassThrough();
    let output = "";
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    const logger = createLogger({ destination: stream, pretty: false });
    await expect(readFeedback(dataDir, { logger })).resolves.toEqual([]);
    createFeedbackStore({ dataDir, recordQuestions: true, logger }); // a pino Logger is a FeedbackLogger
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(output)).toMatchObject({ level: 40, line: 1, msg: "skipping a torn or malformed feedback line" });
  });

  it("skips lines that are JSON but not a record, and reads a missing folder as empty", async () => {
    const dataDir = await tempDir();
    const logger = recordingLogger();
    await writeFile(path.join(dataDir, "feedback.jsonl"), '{"hello":"world"}\n\n[1,2]\n');
    await expect(readFeedback(dataDir, { logger })).resolves.toEqual([]);
    expect(logger.warnings.map((w) => w.message)).toEqual(["skipping an invalid feedback record", "skipping an invalid feedback record"]);
    await expect(readFeedback(path.join(dataDir, "missing"), { logger })).resolves.toEqual([]);
  });

  it("never rejects when the file cannot be written: it logs and reports false", async () => {
    const dir = await tempDir();
    const blocker = path.join(dir, "not-a-folder");
    await writeFile(blocker, "");
    const logger = recordingLogger();
    const store = createFeedbackStore({ dataDir: blocker, recordQuestions: true, logger });
    await expect(store.recordQuestion("slack", "q?", refused)).resolves.toBe(false);
    expect(logger.errors).toHaveLength(1);
  });

  it("while DATA_DIR is unwritable: counts every lost record, logs once per streak, and reports failing until it recovers", async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, "data");
    await writeFile(dataDir, ""); // a plain file where the folder should be
    const logger = { ...recordingLogger(), infos: [] as string[], info(_details: object, message: string) { this.infos.push(message); } };
    let errors = 0;
    const store = createFeedbackStore({ dataDir, recordQuestions: true, logger, onWriteError: () => (errors += 1) });
    expect(store.health()).toEqual({ status: "ok" });
    await expect(store.check()).resolves.toBe(false);
    for (let i = 0; i < 5; i += 1) await expect(store.recordQuestion("slack", "q?", refused)).resolves.toBe(false);
    expect(errors).toBe(6);
    expect(logger.errors).toHaveLength(1);
    expect(store.health()).toMatchObject({ status: "failing", error: expect.stringMatching(/^E[A-Z]+$/) as string });

    await rm(dataDir);
    await expect(store.recordQuestion("slack", "q?", refused)).resolves.toBe(true);
    expect(store.health()).toEqual({ status: "ok" });
    expect(logger.infos).toEqual(["recording feedback again"]);
    // A new streak is logged again.
    await rm(dataDir, { recursive: true });
    await writeFile(dataDir, "");
    await store.recordQuestion("slack", "q?", refused);
    expect(logger.errors).toHaveLength(2);
  });

  it("writes concurrent records whole and in order, and cuts very long questions", async () => {
    const dataDir = await tempDir();
    const logger = recordingLogger();
    const store = createFeedbackStore({ dataDir, recordQuestions: true, logger });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.recordQuestion("slack", `question ${i} ${"x".repeat(i === 7 ? 50_000 : 0)}`, refused)));
    const records = await readFeedback(dataDir, { logger });
    expect(records).toHaveLength(200);
    expect(logger.warnings).toEqual([]);
    expect(records[7]?.question?.length).toBe(1001);
  });
});
