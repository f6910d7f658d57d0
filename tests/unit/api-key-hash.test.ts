import { defaultKeyHasher } from "@better-auth/api-key";
import { describe, expect, it } from "vitest";
import { apiKeyHash } from "@/lib/server/api-key-hash";

describe("the API token hash", () => {
  it("is exactly what the key plugin stores, so every issued token still signs in", async () => {
    const tokens = ["verso_abcDEF0123456789abcDEF0123456789abcDEF01", "x", "", "ünïcödé-тест-令牌", "a".repeat(300)];
    for (const token of tokens) expect(apiKeyHash(token)).toBe(await defaultKeyHasher(token));
  });
});
