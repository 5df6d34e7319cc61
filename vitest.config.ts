import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // CLI tests spawn node on real files; allow for a slow CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    watch: false,
    // In CI a JSON report lets .ci/run print the plain "N passed, N failed" closing line.
    reporters: process.env["CI"] ? ["default", ["json", { outputFile: ".vitest-report.json" }]] : ["default"],
  },
});
