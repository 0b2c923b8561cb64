import { defineConfig } from "vitest/config";

/**
 * Unit tests call functions in this process, never the built CLI, a browser or a terminal, so
 * `npm run test:fast` needs no build (test/unit-split.test.ts keeps them so). The e2e project holds
 * the rest: the built CLI end to end, tmux, Chromium, packing, kills, hostile input. `npm test` runs both.
 */
export const UNIT_TESTS = [
  "test/core/**/*.test.ts",
  "test/render/**/*.test.ts",
  "test/io/**/*.test.ts",
  "test/fuzz/scoring.test.ts",
  "test/fuzz/loaders.test.ts",
  "test/commands/fill/ask.test.ts",
  "test/commands/fill/offer.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: UNIT_TESTS } },
      { extends: true, test: { name: "e2e", include: ["test/**/*.test.ts"], exclude: UNIT_TESTS } },
    ],
  },
});
