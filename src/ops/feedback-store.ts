import { createReadStream } from "node:fs";
import { appendFile, mkdir, open, readdir } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { Answer } from "../core/answer-schema.js";
import type { Platform } from "../platform-name.js";

export const DEFAULT_DATA_DIR = "./data";
export const FEEDBACK_FILE = "feedback.jsonl";
/** Longer questions are cut: enough for a curator to read, not a way to fill the disk. */
export const MAX_RECORDED_QUESTION_LENGTH = 1000;

/**
 * One line of the feedback file. `vote: null` is a question's outcome (a refusal, with its text
 * unless RECORD_QUESTIONS=false; or an answer, never with its text, only counted for answer
 * rates); "up"/"down" is a press on 👍/👎 under an answer.
 */
export const FeedbackRecordSchema = z.object({
  time: z.iso.datetime(),
  platform: z.enum(["slack", "discord"]),
  question: z.string().nullable().default(null),
  status: z.enum(["answered", "unknown"]),
  factId: z.string().min(1).nullable(),
  confidence: z.number().min(0).max(1).nullable(),
  vote: z.enum(["up", "down"]).nullable(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;
export type Vote = NonNullable<FeedbackRecord["vote"]>;

export interface FeedbackStoreOptions {
  /** Folder of the JSON Lines file, created on first write (default ./data). */
  readonly dataDir?: string;
  /** false: never write question text (RECORD_QUESTIONS=false). */
  readonly recordQuestions: boolean;
  readonly logger: FeedbackLogger;
  /** The clock, for tests. */
  readonly now?: () => Date;
  /** Called once for each record that could not be written (counted in feedback_write_errors_total). */
  readonly onWriteError?: () => void;
}

/**
 * Whether records are being written, for /healthz: `failing` from the first record that could not be
 * written until one is written again, with the error's code (ENOSPC, EACCES, ENOTDIR…) and since when.
 */
export type FeedbackHealth =
  | { readonly status: "ok" }
  | { readonly status: "failing"; readonly error: string; readonly since: string };

export interface VoteInput {
  readonly platform: Platform;
  readonly vote: Vote;
  /** The fact the voted answer came from (null for a refusal, which carries no buttons today). */
  readonly factId: string | null;
  readonly status?: Answer["status"];
  readonly confidence?: number | null;
  /** The question, when the adapter still has it; dropped anyway when questions are not recorded. */
  readonly question?: string | null;
}

/**
 * Appends records to `<dataDir>/feedback.jsonl`. Each record is one `appendFile` of one whole
 * line, so a crash mid-write tears at most the last line, which readers skip. The `record*`
 * methods never reject: a full disk must not cost a user their answer; failures are logged and
 * reported as `false`.
 */
export interface FeedbackStore {
  readonly file: string;
  /** Any question's outcome; only refusals keep the question text (when recording is on). */
  recordQuestion(platform: Platform, question: string | null, answer: Pick<Answer, "status" | "factId" | "confidence">): Promise<boolean>;
  recordVote(input: VoteInput): Promise<boolean>;
  /** Resolves once every record asked for so far is written (or its failure logged): for shutdown. */
  flush(): Promise<void>;
  /**
   * Opens the folder and the file now, as the first record would, so an unwritable DATA_DIR shows
   * at start (in /healthz and the counter) rather than at the first question. Never rejects.
   */
  check(): Promise<boolean>;
  health(): FeedbackHealth;
}

export function createFeedbackStore(options: FeedbackStoreOptions): FeedbackStore {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const file = path.join(dataDir, FEEDBACK_FILE);
  const now = options.now ?? (() => new Date());
  /** Appends run one after another, so records land in order and the torn-line fix-up runs once. */
  let queue: Promise<unknown> = Promise.resolve();
  let prepared = false;
  let health: FeedbackHealth = { status: "ok" };

  /**
   * One failure is logged with its error; the rest of the streak only counts (one line per question
   * would drown the log while DATA_DIR is full), until a record is written again.
   */
  function failed(error: unknown): void {
    prepared = false; // check the folder and the last line again next time
    options.onWriteError?.();
    if (health.status === "failing") return;
    health = { status: "failing", error: errorCode(error), since: now().toISOString() };
    options.logger.error(
      { err: error, file },
      "could not record feedback; answers go on, but feedback is lost until DATA_DIR is writable again (logged once per failure streak, counted in feedback_write_errors_total)",
    );
  }

  function succeeded(): void {
    if (health.status === "ok") return;
    options.logger.info?.({ file, failingSince: health.since }, "recording feedback again");
    health = { status: "ok" };
  }

  /**
   * Creates the folder and, if an earlier crash left a torn last line without its newline, starts
   * this process's first record on a fresh line so it is not glued to the torn one.
   */
  async function newlineNeeded(): Promise<boolean> {
    await mkdir(dataDir, { recursive: true });
    const handle = await open(file, "a+");
    try {
      const { size } = await handle.stat();
      if (size === 0) return false;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last.toString("utf8") !== "\n";
    } finally {
      await handle.close();
    }
  }

  async function write(record: FeedbackRecord | undefined): Promise<boolean> {
    try {
      const prefix = !prepared && (await newlineNeeded()) ? "\n" : "";
      prepared = true;
      if (record !== undefined) await appendFile(file, `${prefix}${JSON.stringify(record)}\n`, "utf8");
      else if (prefix !== "") await appendFile(file, prefix, "utf8");
      succeeded();
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  }

  function append(record: FeedbackRecord | undefined): Promise<boolean> {
    const written = queue.then(() => write(record));
    queue = written;
    return written;
  }

  function keepQuestion(question: string | null | undefined): string | null {
    if (!options.recordQuestions || question === null || question === undefined) return null;
    return question.length > MAX_RECORDED_QUESTION_LENGTH ? `${question.slice(0, MAX_RECORDED_QUESTION_LENGTH)}…` : question;
  }

  return {
    file,
    recordQuestion(platform, question, answer) {
      return append({
        time: now().toISOString(),
        platform,
        question: answer.status === "unknown" ? keepQuestion(question) : null,
        status: answer.status,
        factId: answer.factId,
        confidence: answer.confidence,
        vote: null,
      });
    },
    recordVote(input) {
      return append({
        time: now().toISOString(),
        platform: input.platform,
        question: keepQuestion(input.question),
        status: input.status ?? (input.factId === null ? "unknown" : "answered"),
        factId: input.factId,
        confidence: input.confidence ?? null,
        vote: input.vote,
      });
    },
    async flush() {
      await queue;
    },
    check() {
      return append(undefined);
    },
    health() {
      return health;
    },
  };
}

/** The code of a file system error (ENOSPC, EACCES…), which says what to fix without a path. */
function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.name : "unknown error";
}

/** Where skipped lines are reported: a pino Logger, or anything with the same `warn(object, message)`. */
export interface FeedbackWarnings {
  warn(details: { readonly file?: string; readonly line?: number; readonly dataDir?: string; readonly problem?: string }, message: string): void;
}

/** Where write failures and skipped lines are reported: a pino Logger fits. */
export interface FeedbackLogger extends FeedbackWarnings {
  error(details: { readonly err: unknown; readonly file: string }, message: string): void;
  /** Told when records are written again after a failure streak. */
  info?(details: { readonly file: string; readonly failingSince: string }, message: string): void;
}

export interface ReadFeedbackOptions {
  readonly logger: FeedbackWarnings;
}

/** Every valid record of one JSON Lines file; a torn or invalid line is skipped with a warning. */
export async function readFeedbackFile(file: string, options: ReadFeedbackOptions): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      options.logger.warn({ file, line: lineNumber }, "skipping a torn or malformed feedback line");
      continue;
    }
    const parsed = FeedbackRecordSchema.safeParse(json);
    if (parsed.success) records.push(parsed.data);
    else options.logger.warn({ file, line: lineNumber, problem: parsed.error.issues[0]?.message ?? "invalid record" }, "skipping an invalid feedback record");
  }
  return records;
}

/**
 * Every record of every `*.jsonl` file in a folder (so files gathered from several instances can
 * be read together), oldest first. A missing folder reads as no records.
 */
export async function readFeedback(dataDir: string, options: ReadFeedbackOptions): Promise<FeedbackRecord[]> {
  let names: string[];
  try {
    names = (await readdir(dataDir)).filter((name) => name.endsWith(".jsonl")).sort();
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      options.logger.warn({ dataDir }, "no feedback folder yet");
      return [];
    }
    throw error;
  }
  const records: FeedbackRecord[] = [];
  for (const name of names) records.push(...(await readFeedbackFile(path.join(dataDir, name), options)));
  return records.sort((a, b) => a.time.localeCompare(b.time));
}
