import { createHash } from "node:crypto";

/**
 * The hash under which the key plugin stores an API token (its
 * defaultKeyHasher: SHA-256, base64url without padding), computed
 * synchronously: the plugin's Web Crypto digest is a thread-pool job that
 * cost several times more per API request.
 */
export function apiKeyHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}
