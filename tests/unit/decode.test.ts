import { describe, expect, it } from "vitest";
import { decodeUtf8, EncodingError } from "@/lib/text/decode";

describe("strict UTF-8 decoding", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("Grüße")]))).toBe("Grüße");
  });

  it("refuses Latin-1 and names the first bad byte", () => {
    const latin1 = Buffer.from("Gr\xfc\xdfe", "latin1");
    expect(() => decodeUtf8(latin1)).toThrow(EncodingError);
    try {
      decodeUtf8(latin1);
    } catch (error) {
      expect((error as EncodingError).offset).toBe(2);
      expect((error as Error).message).toContain("offset 2");
    }
  });

  it("refuses UTF-16", () => {
    expect(() => decodeUtf8(Buffer.from("\ufeffHallo", "utf16le"))).toThrow(EncodingError);
  });

  it("names UTF-16 with a byte-order mark, and UTF-16 without one by its NUL bytes", () => {
    expect(() => decodeUtf8(Buffer.from("\ufeffHallo", "utf16le"))).toThrow("UTF-16 (byte-order mark FF FE), not UTF-8");
    expect(() => decodeUtf8(Buffer.from("Titel\n\nSuzkwer gab bekannt.", "utf16le"))).toThrow(
      "looks like UTF-16LE without a byte-order mark (NUL byte at offset 1), not UTF-8",
    );
    expect(() => decodeUtf8(Buffer.from("Titel", "utf16le").swap16())).toThrow(/UTF-16BE without a byte-order mark \(NUL byte at offset 0\)/);
  });

  it("refuses binary data even when its bytes happen to be valid UTF-8", () => {
    expect(() => decodeUtf8(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))).toThrow("binary data, not text (NUL byte at offset 5)");
  });
});
