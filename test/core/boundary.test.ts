// The architecture's one hard rule: the core (src/) never imports a platform SDK. Adapters live in
// adapters/ and src/main.ts loads them only with a dynamic import() when their platform is set.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
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

  it("src/ reaches the adapters only through dynamic import(), so the SDKs load only when configured", async () => {
    const files = await sourceFiles(path.join(ROOT, "src"));
    const staticToAdapters: string[] = [];
    let dynamicToAdapters = 0;
    for (const file of files) {
      for (const { specifier, dynamic } of moduleReferences(await readFile(file, "utf8"))) {
        const resolved = specifier.startsWith(".") ? path.relative(ROOT, path.resolve(path.dirname(file), specifier)) : specifier;
        if (!resolved.startsWith(`adapters${path.sep}`)) continue;
        if (dynamic) dynamicToAdapters += 1;
        else staticToAdapters.push(`${path.relative(ROOT, file)} → ${specifier}`);
      }
    }
    expect(staticToAdapters).toEqual([]);
    // main.ts does load them (this also proves the scanner sees dynamic imports in real files).
    expect(dynamicToAdapters).toBeGreaterThan(0);
  });
});
