// `npm run bench:discord`: time from an /ask INTERACTION_CREATE dispatch on the fake gateway to the
// bot's interaction callback on the fake REST API, with the real discord.js client and real core.
// Target: p99 under 50 ms. A benchmark, not a test: it prints figures and never fails on them.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDiscordAdapter } from "../adapters/discord/index.js";
import {
  createAnswerer,
  createConversationFromConfig,
  createLogger,
  loadKnowledge,
} from "../src/index.js";
import { FakeDiscord, FAKE_TOKEN } from "../test/support/discord-fake.js";
import { askPayload } from "../test/support/discord-payloads.js";

const WARMUP = 100;
const SAMPLES = 1_000;
const CONCURRENT_BATCH = 50;
const TARGET_P99_MS = 50;

const QUESTIONS = [
  { text: "Who launched the coalition?", locale: "en-US" },
  { text: "Combien de pays dans la coalition ?", locale: "fr" },
  { text: "Où la coalition s’est-elle réunie ?", locale: "fr" },
  { text: "How many soldiers would be deployed?", locale: "en-GB" },
  { text: "how much money for the coalition", locale: "en-US" }, // unknown, with did-you-mean buttons
  { text: "Que dit John Healey ?", locale: "fr" },
] as const;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function summary(latencies: readonly number[]): Record<string, number> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
  };
}

const fake = await FakeDiscord.start({ record: false, heartbeatIntervalMs: 41_250 });
const pending = new Map<string, { sentAt: number; resolve: (latency: number) => void }>();
fake.onRequest((request) => {
  const id = /^\/interactions\/(\d+)\//.exec(request.route)?.[1];
  const waiter = id === undefined ? undefined : pending.get(id);
  if (!id || !waiter) return;
  pending.delete(id);
  waiter.resolve(request.at - waiter.sentAt);
});

function ask(index: number): Promise<number> {
  const question = QUESTIONS[index % QUESTIONS.length] ?? QUESTIONS[0];
  const interaction = askPayload(question.text, { locale: question.locale });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`No callback for interaction ${interaction.id} within 5 s`));
    }, 5_000);
    pending.set(interaction.id, {
      sentAt: performance.now(),
      resolve: (latency) => {
        clearTimeout(timer);
        resolve(latency);
      },
    });
    fake.dispatch("INTERACTION_CREATE", interaction);
  });
}

const answerer = createAnswerer(await loadKnowledge());
const logger = createLogger({ level: "warn", pretty: false, secrets: [FAKE_TOKEN] });
// The conversation as app/main.ts builds it (limiter, metrics, feedback file), with a limit high
// enough that the one benchmark user is never turned away, and the feedback file in a temp folder.
const dataDir = await mkdtemp(path.join(tmpdir(), "discord-bench-"));
const conversation = createConversationFromConfig(answerer, logger, { rateLimitPerMinute: 100_000, dataDir, recordQuestions: true }).conversation;
const adapter = createDiscordAdapter({ conversation, logger }, { env: fake.env() });
await adapter.start();

try {
  for (let i = 0; i < WARMUP; i++) await ask(i);

  const sequential: number[] = [];
  for (let i = 0; i < SAMPLES; i++) sequential.push(await ask(i));

  // Bursts: many interactions in flight at once, as when a channel gets busy.
  const burst: number[] = [];
  for (let start = 0; start < SAMPLES; start += CONCURRENT_BATCH) {
    const batch = Array.from({ length: Math.min(CONCURRENT_BATCH, SAMPLES - start) }, (_, offset) => ask(start + offset));
    burst.push(...(await Promise.all(batch)));
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    measured: "INTERACTION_CREATE sent on the fake gateway → interaction callback received by the fake REST API",
    sequential: summary(sequential),
    [`bursts of ${CONCURRENT_BATCH}`]: summary(burst),
    targetP99Ms: TARGET_P99_MS,
  };
  console.log(JSON.stringify(results, null, 2));
  const verdict = (results.sequential.p99 ?? Infinity) < TARGET_P99_MS ? "meets" : "MISSES";
  console.log(`sequential p99 ${results.sequential.p99} ms ${verdict} the ${TARGET_P99_MS} ms target`);
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  await writeFile(new URL("./results/discord-interactions.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await adapter.stop();
  await fake.close();
  await conversation.flush();
  await rm(dataDir, { recursive: true, force: true });
}
