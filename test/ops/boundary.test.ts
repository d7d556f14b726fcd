import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(import.meta.dirname, "..", "..");

describe("ops boundary", () => {
  it("src/ops and the report CLI import no platform SDK", async () => {
    const opsDir = path.join(ROOT, "src", "ops");
    const files = [...(await readdir(opsDir)).map((name) => path.join(opsDir, name)), path.join(ROOT, "src", "cli", "report.ts")];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = await readFile(file, "utf8");
      expect(source, file).not.toMatch(/from\s+["'](?:discord\.js|@discordjs\/[^"']+|@slack\/[^"']+)["']|import\(\s*["'](?:discord\.js|@slack\/)/);
    }
  });
});
