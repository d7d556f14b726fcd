// `npm run bench:slack`: signed `/ask` load against the real Slack adapter in HTTP mode, each app
// in its own process (so its memory is measured alone), with the real core, in two configurations
// in the same run, printed side by side:
//   1. one instance keeping its state in memory, at 200 requests a second;
//   2. two instances sharing one Redis (a redis-server this script starts on a free port), behind
//      one load generator spreading its connections over both, at 400 requests a second in all:
//      the same load per instance, now with the per-user limit counted in Redis on every request.
// Each runs 20 s after a warm-up. Prints acknowledgement latency p50/p99, errors and each app's RSS
// before and after. Targets: 0 errors, p99 under 100 ms, RSS growth under 20 MB. A benchmark, not
// a test: it prints figures and never fails on them.
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
  readRedisConfig,
} from "../src/index.js";
import { RedisServer } from "../test/support/redis-server.js";
import { FakeSlackApi } from "../test/support/slack-fake-api.js";
import {
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  slackSignature,
  slashCommandBody,
} from "../test/support/slack-requests.js";

interface Configuration {
  readonly name: string;
  readonly instances: number;
  readonly redis: boolean;
  /** Requests per second in all, spread over the instances. */
  readonly ratePerSecond: number;
}

const CONFIGURATIONS: readonly Configuration[] = [
  { name: "1 instance, state in memory", instances: 1, redis: false, ratePerSecond: 200 },
  { name: "2 instances, one Redis", instances: 2, redis: true, ratePerSecond: 400 },
];
const DURATION_SECONDS = 20;
/** Per instance, so each instance serves the same number of connections in both configurations. */
const CONNECTIONS_PER_INSTANCE = 20;
const WARMUP_REQUESTS_PER_INSTANCE = 400;
const WARMUP_SECONDS = 10;
const TARGETS = { errors: 0, p99Ms: 100, rssGrowthMb: 20 };
/**
 * Requests come from this many users in turn, each under the default limit of 10 questions a
 * minute (about 12,400 requests over 3,000 users in the Redis configuration, whose limit counts
 * across both instances), so every request is answered, through the same limiter, metrics and
 * feedback file as in production.
 */
const USERS = 3_000;

/** Messages between this script and the app processes it forks. */
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
  // REDIS_URL as `npm start` reads it: set for the shared configuration, unset for the in-memory one.
  const { conversation, redis } = createConversationFromConfig(answerer, logger, {
    rateLimitPerMinute: 10,
    dataDir,
    recordQuestions: true,
    redis: readRedisConfig(process.env),
  });
  const adapter = createSlackAdapter({ conversation, logger, ...(redis === undefined ? {} : { redis }) }, { host: "127.0.0.1" });
  await adapter.start();
  await redis?.settled();
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
        .then(() => redis?.close())
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

interface App {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startApp(fake: FakeSlackApi, redisUrl: string | undefined): Promise<App> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--expose-gc", "--import", "tsx"],
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_APP_TOKEN: "",
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      REDIS_URL: redisUrl ?? "",
      REDIS_PREFIX: "",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const listening = await nextMessage(child, "listening");
  const port = listening.type === "listening" ? listening.port : 0;
  return { child, url: `http://127.0.0.1:${port}/slack/events` };
}

async function stopApp(app: App): Promise<void> {
  const exited = new Promise((resolve) => app.child.once("exit", resolve));
  app.child.send("stop");
  await exited;
}

interface Figures {
  readonly configuration: Configuration;
  readonly requests: number;
  readonly averagePerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly errors: { readonly total: number; readonly connection: number; readonly timeouts: number; readonly non2xx: number; readonly badAnswers: number };
  /** Per app process. */
  readonly rssMb: readonly { readonly before: number; readonly after: number; readonly growth: number }[];
  readonly heapUsedGrowthMb: readonly number[];
}

/**
 * autocannon spreads its connections round robin over several URLs (lib/run.js), which is the load
 * balancer we want in front of two instances, but @types/autocannon declares `url` as one string.
 */
function loadOptions(urls: readonly string[], options: Omit<autocannon.Options, "url">): autocannon.Options {
  return { ...options, url: (urls.length === 1 ? (urls[0] ?? "") : [...urls]) as string };
}

async function measure(configuration: Configuration, fake: FakeSlackApi, texts: readonly string[], redisUrl: string | undefined): Promise<Figures> {
  const apps: App[] = [];
  for (let index = 0; index < configuration.instances; index += 1) apps.push(await startApp(fake, redisUrl));
  const urls = apps.map((app) => app.url);
  const connections = CONNECTIONS_PER_INSTANCE * configuration.instances;

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
  await autocannon(loadOptions(urls, { connections, amount: WARMUP_REQUESTS_PER_INSTANCE * configuration.instances, requests: [request] }));
  await autocannon(loadOptions(urls, { connections, overallRate: configuration.ratePerSecond, duration: WARMUP_SECONDS, requests: [request] }));
  const before = await Promise.all(apps.map((app) => memoryOf(app.child)));
  badAnswers = 0;

  const result = await autocannon(
    loadOptions(urls, { connections, overallRate: configuration.ratePerSecond, duration: DURATION_SECONDS, requests: [request] }),
  );
  const after = await Promise.all(apps.map((app) => memoryOf(app.child)));
  await Promise.all(apps.map(stopApp));

  return {
    configuration,
    requests: result.requests.total,
    averagePerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: {
      total: result.errors + result.timeouts + result.non2xx + badAnswers,
      connection: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      badAnswers,
    },
    rssMb: before.map((start, index) => {
      const end = after[index] ?? start;
      return { before: megabytes(start.rss), after: megabytes(end.rss), growth: megabytes(end.rss - start.rss) };
    }),
    heapUsedGrowthMb: before.map((start, index) => megabytes((after[index] ?? start).heapUsed - start.heapUsed)),
  };
}

function verdictOf(figures: Figures): { errors: boolean; p99: boolean; rss: boolean } {
  return {
    errors: figures.errors.total <= TARGETS.errors,
    p99: figures.latencyMs.p99 < TARGETS.p99Ms,
    rss: figures.rssMb.every((app) => app.growth < TARGETS.rssGrowthMb),
  };
}

/** The configurations side by side, one column each. */
function printTable(all: readonly Figures[]): void {
  const met = (ok: boolean): string => (ok ? "met" : "MISSED");
  const rows: [string, (f: Figures) => string][] = [
    ["requests (measured)", (f) => `${f.requests} in ${DURATION_SECONDS} s, ${f.averagePerSecond}/s`],
    ["connections", (f) => String(CONNECTIONS_PER_INSTANCE * f.configuration.instances)],
    ["ack p50 / p90", (f) => `${f.latencyMs.p50} / ${f.latencyMs.p90} ms`],
    [`ack p99 (< ${TARGETS.p99Ms} ms)`, (f) => `${f.latencyMs.p99} ms, ${met(verdictOf(f).p99)}`],
    ["ack max", (f) => `${f.latencyMs.max} ms`],
    [
      `errors (${TARGETS.errors})`,
      (f) => `${f.errors.total}, ${met(verdictOf(f).errors)} (conn ${f.errors.connection}, timeout ${f.errors.timeouts}, non-2xx ${f.errors.non2xx}, bad ${f.errors.badAnswers})`,
    ],
    [`RSS growth (< ${TARGETS.rssGrowthMb} MB)`, (f) => `${f.rssMb.map((app) => `${app.growth} MB`).join(" + ")}, ${met(verdictOf(f).rss)}`],
    ["RSS after", (f) => f.rssMb.map((app) => `${app.after} MB`).join(" + ")],
    ["JS heap growth", (f) => f.heapUsedGrowthMb.map((mb) => `${mb} MB`).join(" + ")],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const columns = all.map((figures) => [
    `${figures.configuration.name} @ ${figures.configuration.ratePerSecond}/s`,
    ...rows.map(([, cell]) => cell(figures)),
  ]);
  const widths = columns.map((column) => Math.max(...column.map((cell) => cell.length)));
  const line = (label: string, cells: readonly string[]): string =>
    `  ${label.padEnd(labelWidth)}  ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  │  ")}`;
  console.log("Slack /ask over HTTP, signed, answered in the acknowledgement");
  console.log(line("", columns.map((column) => column[0] ?? "")));
  rows.forEach(([label], row) => {
    console.log(line(label, columns.map((column) => column[row + 1] ?? "")));
  });
}

async function run(): Promise<void> {
  const fake = new FakeSlackApi();
  await fake.start();
  const texts = await questions();
  const redis = await RedisServer.start();
  const all: Figures[] = [];
  try {
    for (const configuration of CONFIGURATIONS) all.push(await measure(configuration, fake, texts, configuration.redis ? redis.url : undefined));
  } finally {
    await redis.close();
    await fake.stop();
  }
  printTable(all);
  await mkdir(new URL("results/", import.meta.url), { recursive: true });
  await writeFile(
    new URL("results/slack-load.json", import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, durationSeconds: DURATION_SECONDS, targets: TARGETS, configurations: all.map((figures) => ({ ...figures, verdict: verdictOf(figures) })) }, null, 2)}\n`,
  );
}

if (process.argv.includes("--serve")) {
  await serve();
} else {
  await run();
}
