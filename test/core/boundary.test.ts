// The architecture's hard rules: src/ never imports a platform SDK, the adapters or the composition
// root; adapters live in adapters/ and app/main.ts loads them only with a dynamic import() when
// their platform is set. ESLint's no-restricted-imports enforces the finer layers (eslint.config.js).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { ROOT } from "../fixtures/core.js";

const FORBIDDEN = [/^discord\.js(?:\/|$)/, /^@discordjs\//, /^@slack\//];

interface ModuleReference {
  readonly specifier: string;
  readonly dynamic: boolean;
}

/** Every module a source text names: static and type imports, re-exports, import() and require(). */
function moduleReferences(source: string): ModuleReference[] {
  // Comments could mention an SDK harmlessly; they are not imports.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
  const found: ModuleReference[] = [];
  const staticPattern = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']/g;
  for (const match of code.matchAll(staticPattern)) if (match[1]) found.push({ specifier: match[1], dynamic: false });
  const dynamicPattern = /\b(?:import|require)\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
  for (const match of code.matchAll(dynamicPattern)) if (match[1]) found.push({ specifier: match[1], dynamic: true });
  return found;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(?:[cm]?ts|[cm]?js|tsx|jsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe("the core imports no platform SDK", () => {
  it("the scanner finds every form of import (so the real check below can fail)", () => {
    const sample = [
      `import { App } from "@slack/bolt";`,
      `import type { Client } from 'discord.js';`,
      `import "@slack/web-api";`,
      `export { REST } from "@discordjs/rest";`,
      `const bolt = await import("@slack/bolt");`,
      `const d = require('discord.js');`,
      `import {\n  Client,\n  GatewayIntentBits,\n} from "discord.js";`,
      `// import { App } from "@slack/comment-only";`,
    ].join("\n");
    const specifiers = moduleReferences(sample).map((r) => r.specifier);
    expect(specifiers.filter((s) => FORBIDDEN.some((f) => f.test(s))).sort()).toEqual(
      ["@discordjs/rest", "@slack/bolt", "@slack/bolt", "@slack/web-api", "discord.js", "discord.js", "discord.js"].sort(),
    );
    expect(specifiers).not.toContain("@slack/comment-only");
    expect(FORBIDDEN.some((f) => f.test("discord.js-extra"))).toBe(false);
  });

  it("no file under src/ imports discord.js, @discordjs/* or @slack/*", async () => {
    const files = await sourceFiles(path.join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) {
      for (const { specifier } of moduleReferences(await readFile(file, "utf8"))) {
        if (FORBIDDEN.some((f) => f.test(specifier))) offenders.push(`${path.relative(ROOT, file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("src/ never references adapters/ or app/, and app/main.ts loads the adapters only through import()", async () => {
    const upward: string[] = [];
    for (const file of await sourceFiles(path.join(ROOT, "src"))) {
      for (const { specifier } of moduleReferences(await readFile(file, "utf8"))) {
        const resolved = specifier.startsWith(".") ? path.relative(ROOT, path.resolve(path.dirname(file), specifier)) : specifier;
        if (resolved.startsWith(`adapters${path.sep}`) || resolved.startsWith(`app${path.sep}`)) upward.push(`${path.relative(ROOT, file)} → ${specifier}`);
      }
    }
    expect(upward).toEqual([]);

    const main = path.join(ROOT, "app", "main.ts");
    const toAdapters = moduleReferences(await readFile(main, "utf8")).filter(({ specifier }) => specifier.includes("adapters/"));
    // The composition root does load them (this also proves the scanner sees dynamic imports in real files).
    expect(toAdapters.length).toBeGreaterThan(0);
    expect(toAdapters.filter((reference) => !reference.dynamic)).toEqual([]);
  });
});

describe("the import boundaries are enforced by ESLint (no-restricted-imports)", () => {
  /** Lints `code` with the rule exactly as eslint.config.js configures it for `file`. */
  async function restrictedImports(file: string, code: string): Promise<string[]> {
    const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(path.join(ROOT, file))) as { rules?: Record<string, Linter.RuleEntry> };
    const rule = config.rules?.["no-restricted-imports"];
    if (rule === undefined) return [];
    const messages = new Linter().verify(code, { languageOptions: { sourceType: "module", ecmaVersion: "latest" }, rules: { "no-restricted-imports": rule } });
    return messages.map((message) => message.message);
  }

  it("the core imports neither operations, the conversation service nor adapters", async () => {
    expect(await restrictedImports("src/core/answerer.ts", 'import { createMetrics } from "../ops/metrics.js";')).toHaveLength(1);
    expect(await restrictedImports("src/core/answerer.ts", 'import { createConversation } from "../conversation.js";')).toHaveLength(1);
    expect(await restrictedImports("src/core/answerer.ts", 'import { x } from "../../adapters/slack/app.js";')).toHaveLength(1);
    expect(await restrictedImports("src/core/answerer.ts", 'import { foldText } from "./normalize.js";')).toEqual([]);
  });

  it("src/ imports neither adapters, app/ nor a platform SDK", async () => {
    expect(await restrictedImports("src/conversation.ts", 'import { x } from "../adapters/shared/reply.js";')).toHaveLength(1);
    expect(await restrictedImports("src/cli/ask.ts", 'import { x } from "../../app/main.js";')).toHaveLength(1);
    expect(await restrictedImports("src/conversation.ts", 'import { App } from "@slack/bolt";')).toHaveLength(1);
    expect(await restrictedImports("src/conversation.ts", 'import { createMetrics } from "./ops/metrics.js";')).toEqual([]);
  });

  it("adapters import src/ only through src/index.ts, plus the shared kit", async () => {
    expect(await restrictedImports("adapters/slack/app.ts", 'import { truncate } from "../../src/text.js";')).toHaveLength(1);
    expect(await restrictedImports("adapters/discord/client.ts", 'import { x } from "../../app/main.js";')).toHaveLength(1);
    expect(await restrictedImports("adapters/slack/app.ts", 'import { truncate } from "../../src/index.js";')).toEqual([]);
    expect(await restrictedImports("adapters/slack/app.ts", 'import { x } from "../shared/reply.js";')).toEqual([]);
    expect(await restrictedImports("adapters/shared/reply.ts", 'import { Client } from "discord.js";')).toHaveLength(1);
  });
});
