import { TooLargeError } from "./errors";

/** Upload and body limit: VERSO_MAX_UPLOAD_MB, 10 MB by default. */
export function maxBodyBytes(): number {
  const mb = Number(process.env.VERSO_MAX_UPLOAD_MB ?? 10);
  return (Number.isFinite(mb) && mb > 0 ? mb : 10) * 1_048_576;
}

/** A file the CLI imports obeys the same limit as an upload through the API. */
export function assertFileWithinLimit(fileName: string, sizeBytes: number): void {
  const limit = maxBodyBytes();
  if (sizeBytes > limit) throw new TooLargeError(limit, { file: fileName, sizeBytes });
}
