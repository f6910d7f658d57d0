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
});
