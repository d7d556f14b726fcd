// Type-aware linting: in a bot, a floating promise is a silently lost reply.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Platform SDKs: only adapters/slack and adapters/discord may load them. */
const PLATFORM_SDKS = {
  group: ["@slack/*", "discord.js", "discord.js/*", "@discordjs/*"],
  message: "Only adapters/slack and adapters/discord talk to a platform SDK.",
};
const UPWARD_FROM_SRC = {
  group: ["**/adapters/**", "**/app/**"],
  message: "src/ never imports the adapters or the composition root (app/): they import src/.",
};

// The layers, lowest first: src/core (question in, answer out) ← src/ (conversation, ops, CLI)
// ← adapters/ (one platform each, plus adapters/shared) ← app/ (the composition root).
export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "data/", "scratch/", ".probe-tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/core/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [PLATFORM_SDKS, UPWARD_FROM_SRC] }] },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PLATFORM_SDKS,
            UPWARD_FROM_SRC,
            {
              group: ["**/ops/**", "**/conversation*", "**/logger*", "**/platform*", "**/cli/**"],
              message: "The core is pure: it imports neither operations, the conversation service, the CLI nor the adapters.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["adapters/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/**", "!**/src/index.js"],
              message: "Adapters import src/ only through src/index.ts, its public surface.",
            },
            { group: ["**/app/**"], message: "Adapters never import the composition root (app/)." },
          ],
        },
      ],
    },
  },
  {
    files: ["adapters/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PLATFORM_SDKS,
            { group: ["**/src/**", "!**/src/index.js"], message: "Adapters import src/ only through src/index.ts." },
            { group: ["**/slack/**", "**/discord/**"], message: "The shared kit serves every adapter and knows none of them." },
          ],
        },
      ],
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
