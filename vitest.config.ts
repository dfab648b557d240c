import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["test/temp-root.ts"],
    testTimeout: 180000,
    hookTimeout: 180000,
  },
});
