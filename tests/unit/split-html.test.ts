import { describe, expect, it } from "vitest";
import { splitHtml } from "@/lib/text";

describe("HTML import", () => {
  it("keeps only the visible words: no script, no event handler, no markup", () => {
    const html = `<!doctype html><html><head><title>Ignored title</title><script>steal(document.cookie)</script>
      <style>p{color:red}</style></head><body>
      <h1>Suzkwer <em>verlässt</em> OpenAI</h1>
      <p>Er sagte<img src=x onerror="alert('pwned')">: &bdquo;Sicherheit&ldquo; &amp; Ausrichtung.<script>alert(1)</script></p>
      <p onclick="evil()">Zweiter <a href="javascript:alert(2)">Absatz</a>.</p>
      </body></html>`;
    const segments = splitHtml(html);
    expect(segments).toEqual([
      { kind: "title", text: "Suzkwer verlässt OpenAI" },
      { kind: "paragraph", text: "Er sagte: „Sicherheit“ & Ausrichtung." },
      { kind: "paragraph", text: "Zweiter Absatz." },
    ]);
    const all = JSON.stringify(segments);
    for (const unsafe of ["alert", "onerror", "steal", "<", "javascript", "color:red"]) expect(all).not.toContain(unsafe);
  });

  it("turns h2–h6 into headings, <br> into a line break and collapses source whitespace", () => {
    expect(
      splitHtml("<article><h1>T</h1><h2>Sicherheit ist ein Thema</h2><p>eins\n   zwei<br>drei</p><ul><li>a</li><li>b</li></ul></article>"),
    ).toEqual([
      { kind: "title", text: "T" },
      { kind: "heading", text: "Sicherheit ist ein Thema" },
      { kind: "paragraph", text: "eins zwei\ndrei" },
      { kind: "paragraph", text: "a" },
      { kind: "paragraph", text: "b" },
    ]);
  });

  it("falls back to <title> when the body has no h1, and marks <time> as a site line", () => {
    expect(splitHtml("<html><head><title>Der Titel</title></head><body><time>2024-08-19</time><p>Text.</p></body></html>")).toEqual([
      { kind: "title", text: "Der Titel" },
      { kind: "meta", text: "2024-08-19" },
      { kind: "paragraph", text: "Text." },
    ]);
  });

  it("never expands entities beyond HTML's own", () => {
    const segments = splitHtml('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><p>&xxe; &lt;b&gt;</p>');
    // HTML has no DTDs: the declared entity stays literal text, as in a browser.
    expect(segments.at(-1)).toEqual({ kind: "paragraph", text: "&xxe; <b>" });
    expect(JSON.stringify(segments)).not.toMatch(/root:|ENTITY|passwd/);
  });
});
