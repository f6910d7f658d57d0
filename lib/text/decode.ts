/** Raised when bytes are not valid UTF-8 text. */
export class EncodingError extends Error {
  constructor(readonly offset: number | null) {
    super(offset === null ? "not valid UTF-8" : `not valid UTF-8 (first bad byte at offset ${offset})`);
  }
}

/** Strict UTF-8 decoding: a BOM is dropped, any invalid byte is an error, never a replacement character. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new EncodingError(firstInvalidByte(bytes));
  }
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
