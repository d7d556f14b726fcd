// `npm run bench:slack`: signed `/ask` requests at 200 per second for 20 seconds against the real
// Slack adapter in HTTP mode, running in its own process (so its memory is measured alone), with the
// real core. Prints acknowledgement latency p50/p99, errors and the app's RSS before and after.
// Targets: 0 errors, p99 under 100 ms, RSS growth under 20 MB. A benchmark, not a test: it prints
// figures and never fails on them.
import { fork, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { z } from "zod";
import { createSlackAdapter } from "../adapters/slack/index.js";
import {
  createAnswerer,
  createConversationFromConfig,
  createLogger,
  loadKnowledge,
} from "../src/index.js";
import { FakeSlackApi } from "../test/support/slack-fake-api.js";
import {
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  slackSignature,
  slashCommandBody,
} from "../test/support/slack-requests.js";

const RATE_PER_SECOND = 200;
const DURATION_SECONDS = 20;
const CONNECTIONS = 20;
const WARMUP_REQUESTS = 400;
const WARMUP_SECONDS = 10;
const TARGETS = { errors: 0, p99Ms: 100, rssGrowthMb: 20 };
/**
 * Requests come from this many users in turn, each under the default limit of 10 questions a
 * minute (about 4,400 requests over 1,000 users), so every request is answered, through the same
 * limiter, metrics and feedback file as in production.
 */
const USERS = 1_000;

/** Messages between this script and the app process it forks. */
const FromApp = z.discriminatedUnion("type", [
  z.object({ type: z.literal("listening"), port: z.number() }),
  z.object({ type: z.literal("rss"), rss: z.number(), heapUsed: z.number() }),
]);
type FromApp = z.infer<typeof FromApp>;

// ---------------------------------------------------------------------------------------------
// The app process: the Slack adapter alone, as `npm start` would run it.
// ---------------------------------------------------------------------------------------------
async function serve(): Promise<void> {
  const answerer = createAnswerer(await loadKnowledge());
  const logger = createLogger({ level: "warn", pretty: false });
  const dataDir = await mkdtemp(path.join(tmpdir(), "slack-load-"));
  const conversation = createConversationFromConfig(answerer, logger, { rateLimitPerMinute: 10, dataDir, recordQuestions: true }).conversation;
  const adapter = createSlackAdapter({ conversation, logger }, { host: "127.0.0.1" });
  await adapter.start();
  const send = (message: FromApp): void => {
    process.send?.(message);
  };
  process.on("message", (message: unknown) => {
    if (message === "rss") {
      // Measured after a collection when --expose-gc is on, so the figure is what is really retained.
      globalThis.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: "rss", rss, heapUsed });
    } else if (message === "stop") {
      void adapter
        .stop()
        .then(() => conversation.flush())
        .then(() => rm(dataDir, { recursive: true, force: true }))
        .then(() => process.exit(0));
    }
  });
  send({ type: "listening", port: adapter.port() ?? 0 });
}

// ---------------------------------------------------------------------------------------------
// The load generator.
// ---------------------------------------------------------------------------------------------
function nextMessage(child: ChildProcess, type: FromApp["type"]): Promise<FromApp> {
  return new Promise((resolve, reject) => {
    const onMessage = (raw: unknown): void => {
      const parsed = FromApp.safeParse(raw);
      if (parsed.success && parsed.data.type === type) {
        child.off("message", onMessage);
        resolve(parsed.data);
      }
    };
    child.on("message", onMessage);
    child.once("exit", (code) => {
      reject(new Error(`the app process exited with code ${String(code)}`));
    });
  });
}

/** The app's RSS and, to tell retained objects from allocator noise, its live JS heap. */
async function memoryOf(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  const reply = nextMessage(child, "rss");
  child.send("rss");
  const message = await reply;
  return message.type === "rss" ? { rss: message.rss, heapUsed: message.heapUsed } : { rss: Number.NaN, heapUsed: Number.NaN };
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

async function questions(): Promise<string[]> {
  const answerer = createAnswerer(await loadKnowledge());
  const samples = [...answerer.topics("fr"), ...answerer.topics("en")].flatMap((topic) => topic.examples);
  // Plus unknowns (did-you-mean buttons), help, typos and Slack markup that must be escaped.
  return [
    ...samples,
    "combien coûte la mission ?",
    "what is the budget of the coalition?",
    "help",
    "",
    "combien de pyas ?",
    "<!channel> how many countries? <@U0000666> & more",
  ];
}

async function run(): Promise<void> {
  const fake = new FakeSlackApi();
  await fake.start();
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--expose-gc", "--import", "tsx"],
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const listening = await nextMessage(child, "listening");
  const port = listening.type === "listening" ? listening.port : 0;
  const url = `http://127.0.0.1:${port}/slack/events`;
  const texts = await questions();

  let sent = 0;
  let badAnswers = 0;
  const request = {
    method: "POST" as const,
    path: "/slack/events",
    setupRequest: (req: autocannon.Request): autocannon.Request => {
      const text = texts[sent % texts.length] ?? "";
      sent += 1;
      const userId = `U${String(sent % USERS).padStart(8, "0")}`;
      const body = slashCommandBody({ text, userId, responseUrl: fake.responseUrl(`bench-${sent}`) });
      const timestamp = Math.floor(Date.now() / 1000);
      return {
        ...req,
        body,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": slackSignature(TEST_SIGNING_SECRET, timestamp, body),
        },
      };
    },
    // A 200 without blocks would be a broken answer, not a success; so would a rate-limit note.
    onResponse: (status: number, body: string): void => {
      if (status === 200 && (!body.includes('"blocks":[') || body.includes(":hourglass_flowing_sand:"))) badAnswers += 1;
    },
  };

  // Warm-up, not measured: first a burst for the JIT, then the same load as the measured run, so
  // V8's young generation and the allocator reach the size this load keeps them at. RSS growth
  // over the measured run then shows what the load retains, not what warming up allocates.
  await autocannon({ url, connections: CONNECTIONS, amount: WARMUP_REQUESTS, requests: [request] });
  await autocannon({ url, connections: CONNECTIONS, overallRate: RATE_PER_SECOND, duration: WARMUP_SECONDS, requests: [request] });
  const before = await memoryOf(child);
  badAnswers = 0;

  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    overallRate: RATE_PER_SECOND,
    duration: DURATION_SECONDS,
    requests: [request],
  });
  const after = await memoryOf(child);

  const errors = result.errors + result.timeouts + result.non2xx + badAnswers;
  const figures = {
    date: new Date().toISOString(),
    node: process.version,
    rate: RATE_PER_SECOND,
    durationSeconds: DURATION_SECONDS,
    connections: CONNECTIONS,
    requests: result.requests.total,
    averagePerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: { total: errors, connection: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, badAnswers },
    rssMb: { before: megabytes(before.rss), after: megabytes(after.rss), growth: megabytes(after.rss - before.rss) },
    heapUsedMb: { before: megabytes(before.heapUsed), after: megabytes(after.heapUsed), growth: megabytes(after.heapUsed - before.heapUsed) },
  };
  const verdict = {
    errors: figures.errors.total <= TARGETS.errors,
    p99: figures.latencyMs.p99 < TARGETS.p99Ms,
    rss: figures.rssMb.growth < TARGETS.rssGrowthMb,
  };

  console.log(`Slack /ask over HTTP: ${figures.requests} signed requests, ${figures.averagePerSecond}/s for ${DURATION_SECONDS} s (${CONNECTIONS} connections)`);
  console.log(`  ack latency  p50 ${figures.latencyMs.p50} ms, p90 ${figures.latencyMs.p90} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms  (target p99 < ${TARGETS.p99Ms} ms: ${verdict.p99 ? "met" : "MISSED"})`);
  console.log(`  errors       ${figures.errors.total} (connection ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, answers without blocks or rate-limited ${badAnswers})  (target 0: ${verdict.errors ? "met" : "MISSED"})`);
  console.log(`  app RSS      ${figures.rssMb.before} MB before, ${figures.rssMb.after} MB after, growth ${figures.rssMb.growth} MB  (target < ${TARGETS.rssGrowthMb} MB: ${verdict.rss ? "met" : "MISSED"})`);
  console.log(`  app JS heap  ${figures.heapUsedMb.before} MB before, ${figures.heapUsedMb.after} MB after, growth ${figures.heapUsedMb.growth} MB (live objects after a forced GC)`);

  await mkdir(new URL("results/", import.meta.url), { recursive: true });
  await writeFile(new URL("results/slack-load.json", import.meta.url), `${JSON.stringify({ ...figures, targets: TARGETS, verdict }, null, 2)}\n`);

  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send("stop");
  await exited;
  await fake.stop();
}

if (process.argv.includes("--serve")) {
  await serve();
} else {
  await run();
}
