// The upload limit over real HTTP, where Next buffers bodies in front of the route:
// a 20 MB file gets 413 with or without a Content-Length, and nothing is written.
import { describe, expect, it } from "vitest";
import { send } from "./client";
import { query } from "./database";
import { serverForThisFile } from "./server";

const server = serverForThisFile();
const TWENTY_MB = 20 * 1_048_576;


function bigText(): Buffer {
  const paragraph = Buffer.from("Suzkwer gab bekannt, dass er OpenAI verlässt. ".repeat(20) + "\n\n");
  return Buffer.concat(Array.from({ length: Math.ceil(TWENTY_MB / paragraph.length) }, () => paragraph)).subarray(0, TWENTY_MB);
}

/** The same bytes as a stream, so that fetch sends them chunked, without a Content-Length. */
function chunked(bytes: Buffer): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 65_536)));
      offset += 65_536;
    },
  });
}

describe("uploads over the limit", () => {
  it("a 20 MB import gets 413 naming the limit, with or without Content-Length, and writes nothing", async () => {
    const editor = server.fixture.users.find((user) => user.role === "editor")!;
    const headers = { authorization: `Bearer ${editor.token}`, "content-type": "text/plain" };
    const url = `${server.baseUrl}/api/v1/articles/too-big/versions?lang=de&source=1&file=big.txt`;
    const bytes = bigText();
    const articles = () => query<{ n: number }>(server.dbFile, "SELECT COUNT(*) AS n FROM article")[0].n;
    const before = articles();

    const sized = await send(url, { method: "POST", headers, body: new Blob([new Uint8Array(bytes)]) });
    expect(sized.status).toBe(413);
    expect(sized.body).toMatchObject({ error: { code: "too_large", message: "the request is larger than the limit of 10 MB" } });

    const streamed = await send(url, { method: "POST", headers, body: chunked(bytes), duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ error: { code: "too_large" } });

    const mqm = await send(`${server.baseUrl}/api/v1/import/mqm?fileName=big.tsv`, { method: "POST", headers: { ...headers, "content-type": "text/tab-separated-values" }, body: new Blob([new Uint8Array(bytes)]) });
    expect(mqm.status).toBe(413);

    const json = await send(`${server.baseUrl}/api/v1/segments/${server.fixture.segments[0].id}/annotations`, {
      method: "POST",
      headers: { authorization: headers.authorization },
      json: { start: 0, end: 1, quote: "A", category: "Fluency/Spelling", severity: "minor", note: "n".repeat(TWENTY_MB) },
    });
    expect(json.status).toBe(413);

    expect(articles()).toBe(before);
    expect((await send(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
