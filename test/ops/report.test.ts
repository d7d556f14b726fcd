import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { FeedbackRecord } from "../../src/ops/feedback-store.js";
import { buildReport, formatReport, jaccard, questionSignature, type FeedbackReport } from "../../src/ops/report.js";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "..", "..");
const FIXTURE = path.join(ROOT, "test", "fixtures", "ops");

function refusal(question: string | null, time = "2025-03-03T09:00:00.000Z"): FeedbackRecord {
  return { time, platform: "slack", question, status: "unknown", factId: null, confidence: 0.1, vote: null };
}

describe("buildReport", () => {
  it("groups refused questions that share most of their words, and keeps different ones apart", () => {
    expect(jaccard(questionSignature("Who will pay for the troops?"), questionSignature("who is going to pay for the troops"))).toBeGreaterThanOrEqual(0.6);
    const report = buildReport([
      refusal("Who will pay for the troops?"),
      refusal("who will pay for the troops"),
      refusal("Who is going to pay for the troops?"),
      refusal("When will the troops arrive?"),
      refusal("What is the weather in Paris?"),
      refusal(null),
    ]);
    expect(report.refusedQuestions.map((g) => [g.count, g.question])).toEqual([
      [3, "Who will pay for the troops?"],
      [1, "What is the weather in Paris?"],
      [1, "When will the troops arrive?"],
    ]);
    expect(report.totals).toMatchObject({ refused: 6, refusedWithoutText: 1 });
  });

  it("lists the facts with the most 👎 and answer rates per UTC day", () => {
    const vote = (factId: string, v: "up" | "down", time: string): FeedbackRecord => ({ time, platform: "discord", question: null, status: "answered", factId, confidence: 0.9, vote: v });
    const answered = (time: string): FeedbackRecord => ({ time, platform: "discord", question: null, status: "answered", factId: "a", confidence: 0.9, vote: null });
    const report = buildReport([
      answered("2025-03-03T23:59:59.000Z"),
      answered("2025-03-03T10:00:00.000Z"),
      refusal("q?", "2025-03-03T11:00:00.000Z"),
      refusal("q?", "2025-03-04T00:00:00.000Z"),
      vote("a", "down", "2025-03-04T01:00:00.000Z"),
      vote("b", "down", "2025-03-04T01:00:00.000Z"),
      vote("b", "down", "2025-03-04T01:00:00.000Z"),
      vote("c", "up", "2025-03-04T01:00:00.000Z"),
    ]);
    expect(report.downvotedFacts).toEqual([
      { factId: "b", down: 2, up: 0 },
      { factId: "a", down: 1, up: 0 },
    ]);
    expect(report.daily).toEqual([
      { day: "2025-03-03", answered: 2, refused: 1, answerRate: 2 / 3, up: 0, down: 0 },
      { day: "2025-03-04", answered: 0, refused: 1, answerRate: 0, up: 1, down: 3 },
    ]);
  });

  it("says so when there is nothing yet", () => {
    expect(formatReport(buildReport([]))).toBe("No feedback recorded yet.\n");
  });
});

describe("npm run report", () => {
  const cli = ["tsx", path.join("src", "cli", "report.ts"), "--data-dir", FIXTURE];

  it("--json: groups, down-voted facts and daily rates from the fixture, skipping its torn last line with a warning", async () => {
    const { stdout, stderr } = await run("npx", [...cli, "--json"], { cwd: ROOT });
    const report = JSON.parse(stdout) as FeedbackReport;
    expect(stderr).toMatch(/warning: skipping a torn or malformed feedback line \(.*feedback\.jsonl:17\)/);
    expect(report.records).toBe(16);
    expect(report.totals).toEqual({ answered: 4, refused: 7, refusedWithoutText: 1, up: 2, down: 3 });
    expect(report.refusedQuestions.map((g) => [g.count, g.question])).toEqual([
      [3, "Who will pay for the troops?"],
      [2, "What is the weather in Paris?"],
      [1, "Qui va payer les troupes ?"],
    ]);
    expect(report.refusedQuestions[0]?.variants).toEqual(["who is going to pay for the troops?"]);
    expect(report.downvotedFacts).toEqual([
      { factId: "troops-count", down: 2, up: 1 },
      { factId: "leaders-met", down: 1, up: 0 },
    ]);
    expect(report.daily.map((d) => [d.day, d.answered, d.refused, d.up, d.down])).toEqual([
      ["2025-03-03", 3, 4, 0, 1],
      ["2025-03-04", 1, 3, 2, 2],
    ]);
  });

  it("prints plain text by default", async () => {
    const { stdout } = await run("npx", cli, { cwd: ROOT });
    expect(stdout).toContain("Most frequent refused questions");
    expect(stdout).toMatch(/3×\s+Who will pay for the troops\?/);
    expect(stdout).toMatch(/2 👎\s+1 👍\s+troops-count/);
    expect(stdout).toMatch(/2025-03-03\s+3\s+4\s+43%/);
  });

  it("reads several instances' folders together: one --data-dir each", async () => {
    const second = await mkdtemp(path.join(tmpdir(), "report-instance-b-"));
    try {
      const records = [
        { time: "2025-03-05T08:00:00.000Z", platform: "slack", question: "Who will pay for the troops?", status: "unknown", factId: null, confidence: 0.1, vote: null },
        { time: "2025-03-05T08:01:00.000Z", platform: "slack", question: null, status: "answered", factId: "troops-count", confidence: 0.9, vote: "down" },
      ];
      await writeFile(path.join(second, "feedback.jsonl"), records.map((record) => `${JSON.stringify(record)}\n`).join(""));
      const { stdout } = await run("npx", [...cli, "--data-dir", second, "--json"], { cwd: ROOT });
      const report = JSON.parse(stdout) as FeedbackReport;
      expect(report.records).toBe(18);
      expect(report.refusedQuestions[0]).toMatchObject({ count: 4, question: "Who will pay for the troops?" });
      expect(report.downvotedFacts[0]).toEqual({ factId: "troops-count", down: 3, up: 1 });
      expect(report.daily.map((d) => d.day)).toEqual(["2025-03-03", "2025-03-04", "2025-03-05"]);
    } finally {
      await rm(second, { recursive: true, force: true });
    }
  });

  it("rejects a bad flag with the usage and exit code 2", async () => {
    await expect(run("npx", [...cli, "--top", "zero"], { cwd: ROOT })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run report") as unknown });
  });
});
