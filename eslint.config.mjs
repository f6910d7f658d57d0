import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "scratch/**", "node_modules/**", "lib/server/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"]),
  {
    // CommonJS launchers that must run before tsx is available.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // lib/server is the only door to the database.
    files: ["**/*.{ts,tsx,mts}"],
    // Tests may look into their own databases directly, to check the server from outside.
    ignores: ["lib/server/**", "prisma.config.ts", "tests/integration/**", "tests/stress/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/server/generated/**", "@prisma/client", "@prisma/adapter-*", "better-sqlite3"], message: "Only lib/server touches the database." },
          ],
        },
      ],
    },
  },
  {
    // Pure domain code never imports Prisma, React or Next.
    files: ["lib/text/**", "lib/checks/**", "lib/mqm/**", "lib/formats/**", "lib/validation/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["react", "react-dom", "next", "next/*", "next-intl*", "**/server/**", "@prisma/*"], message: "Keep lib/ domain code pure." }] },
      ],
    },
  },
]);
