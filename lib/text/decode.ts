/** Raised when bytes are not UTF-8 text: invalid sequences, UTF-16, or binary data. */
export class EncodingError extends Error {
  constructor(
    readonly offset: number | null,
    message = offset === null ? "not valid UTF-8" : `not valid UTF-8 (first bad byte at offset ${offset})`,
  ) {
    super(message);
  }
}

/**
 * Strict UTF-8 decoding: a BOM is dropped, any invalid byte is an error, never
 * a replacement character. NUL bytes are refused too: they are valid UTF-8 but
 * mean UTF-16 without a byte-order mark, or a binary file.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new EncodingError(0, `UTF-16 (byte-order mark ${bytes[0] === 0xff ? "FF FE" : "FE FF"}), not UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw nulError(bytes, nul);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new EncodingError(firstInvalidByte(bytes));
  }
}

/** UTF-16 text without a BOM has a NUL in every other byte wherever it is Latin; anything else with NULs is binary. */
function nulError(bytes: Uint8Array, first: number): EncodingError {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs > 0 && Math.max(even, odd) >= pairs * 0.4 && Math.min(even, odd) === 0) {
    const order = odd > 0 ? "UTF-16LE" : "UTF-16BE";
    return new EncodingError(first, `looks like ${order} without a byte-order mark (NUL byte at offset ${first}), not UTF-8`);
  }
  return new EncodingError(first, `binary data, not text (NUL byte at offset ${first})`);
}

function firstInvalidByte(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // Walk character by character so that the error can name the byte.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need;
  }
  return null;
}
