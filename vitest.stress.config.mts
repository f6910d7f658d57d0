import { defineConfig } from "vitest/config";

// `npm run test:stress`: the heavy adversarial tests against a production build (.next-stress) on temporary databases.
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    name: "stress",
    include: ["tests/stress/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/stress/build.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
