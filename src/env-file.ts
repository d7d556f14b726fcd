import { existsSync } from "node:fs";

/**
 * Reads `.env` from the working folder when there is one, so every command (`npm start`,
 * `npm run report`, `npm run discord:deploy`…) sees the same settings. Variables already set in
 * the real environment win; secrets never need to be on a command line.
 */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
