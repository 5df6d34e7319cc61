import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // CLI tests spawn node on real files; allow for a slow CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    watch: false,
  },
});
