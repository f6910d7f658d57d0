// Crash safety: SIGKILL the production server while clients write annotations and
// an import is in flight, restart it, and check that the database is intact,
// every acknowledged write is there and the import is wholly there or wholly absent.
import { describe, expect, it } from "vitest";
import { round, send, type Answer } from "./client";
import { integrityCheck, query, writeLockHeld } from "./database";
import { suzkwerAt } from "./fixture";
import { serverForThisFile } from "./server";

const WRITERS = 20;
const PARAGRAPHS = 40_000;
// A transaction that holds the write lock this long is the import's: the writers' take milliseconds.
const IMPORT_LOCK_MS = 150;

/** When to kill the server, relative to the import in flight. */
type KillPoint = { name: string; mode: "timed"; fraction: number } | { name: string; mode: "in-transaction" } | { name: string; mode: "after-answer" };
const KILL_POINTS: KillPoint[] = [
  { name: "halfway through the import's time", mode: "timed", fraction: 0.5 },
  { name: `inside the import's transaction (write lock held ${IMPORT_LOCK_MS} ms)`, mode: "in-transaction" },
  { name: "right after the import was acknowledged", mode: "after-answer" },
];

const server = serverForThisFile();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A long article (about 3 MB), so that its import takes long enough to be killed in the middle. */
const BIG_ARTICLE = Buffer.from(
  ["Crash test article", ...Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i + 1}: Suzkwer sagte, dass OpenAI Geimini kopiert habe, und Lake ging im Mai.`)].join("\n\n"),
  "utf8",
);
const EXPECTED_SEGMENTS = PARAGRAPHS + 1;

/** Clients that create annotations until told to stop (or the server is gone), recording every acknowledged id. */
function startWriters(acked: Set<string>) {
  const { users, segments } = server.fixture;
  let stopped = false;
  const answers: Answer[] = [];
  const done = Promise.all(
    Array.from({ length: WRITERS }, async (_, client) => {
      for (let i = 0; !stopped; i++) {
        const segment = segments[(client * 7 + i) % segments.length];
        const start = suzkwerAt(segment.text);
        const answer = await send(`${server.baseUrl}/api/v1/segments/${segment.id}/annotations`, {
          method: "POST",
          headers: { authorization: `Bearer ${users[client % users.length].token}` },
          json: { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "minor", note: `writer ${client} #${i}` },
        });
        answers.push(answer);
        if (answer.status === 201) acked.add((answer.body as { annotation: { id: string } }).annotation.id);
        else if (answer.status === 0) return;
      }
    }),
  );
  return {
    answers,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

function importArticle(slug: string) {
  const editor = server.fixture.users.find((user) => user.role === "editor")!;
  return send(`${server.baseUrl}/api/v1/articles/${slug}/versions?lang=de&source=1&file=${slug}.txt`, {
    method: "POST",
    headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/plain" },
    body: BIG_ARTICLE,
  });
}

/** Whether an imported article is absent, or present with every segment, revision and audit event. */
function importState(slug: string): "absent" | "whole" | string {
  const articles = query<{ id: string }>(server.dbFile, "SELECT id FROM article WHERE slug = ?", slug);
  if (articles.length === 0) {
    const stray = query<{ n: number }>(server.dbFile, "SELECT COUNT(*) AS n FROM audit_event WHERE json_extract(after, '$.slug') = ?", slug)[0].n;
    return stray === 0 ? "absent" : `half-applied: no article but ${stray} audit events`;
  }
  const articleId = articles[0].id;
  const [counts] = query<{ versions: number; segments: number; revisions: number; events: number }>(
    server.dbFile,
    `SELECT (SELECT COUNT(*) FROM version WHERE articleId = ?) AS versions,
            (SELECT COUNT(*) FROM segment WHERE articleId = ?) AS segments,
            (SELECT COUNT(*) FROM revision r JOIN segment s ON s.id = r.segmentId WHERE s.articleId = ?) AS revisions,
            (SELECT COUNT(*) FROM audit_event WHERE articleId = ? AND action IN ('article.create', 'version.import')) AS events`,
    articleId,
    articleId,
    articleId,
    articleId,
  );
  const whole = { versions: 1, segments: EXPECTED_SEGMENTS, revisions: EXPECTED_SEGMENTS, events: 2 };
  return JSON.stringify(counts) === JSON.stringify(whole) ? "whole" : `half-applied: ${JSON.stringify(counts)}`;
}


describe("crash safety", () => {
  it("after SIGKILL mid-load: integrity ok, every acknowledged annotation present, the in-flight import wholly there or wholly absent", async () => {
    const acked = new Set<string>();

    // How long the import takes under the writers' load, to aim the kills into it.
    const calibration = startWriters(acked);
    await sleep(500);
    const timed = await importArticle("crash-calibration");
    await calibration.stop();
    expect(timed.status, JSON.stringify(timed.body)).toBe(201);
    expect(timed.body).toMatchObject({ segmentCount: EXPECTED_SEGMENTS });
    expect(importState("crash-calibration")).toBe("whole");
    console.log(`crash: import of ${EXPECTED_SEGMENTS} segments (${(BIG_ARTICLE.length / 1_048_576).toFixed(1)} MB) takes ${round(timed.ms)} ms under load`);

    const outcomes: string[] = [];
    for (const [round_, point] of KILL_POINTS.entries()) {
      const slug = `crash-import-${round_}`;
      const before = acked.size;
      const writers = startWriters(acked);
      await sleep(1000);
      const importing = importArticle(slug);
      if (point.mode === "timed") await sleep(timed.ms * point.fraction);
      if (point.mode === "after-answer") expect((await importing).status).toBe(201);
      if (point.mode === "in-transaction") {
        let heldSince: number | null = null;
        const deadline = Date.now() + 4 * timed.ms;
        while (Date.now() < deadline) {
          const held = writeLockHeld(server.dbFile);
          heldSince = held ? (heldSince ?? Date.now()) : null;
          if (heldSince !== null && Date.now() - heldSince >= IMPORT_LOCK_MS) break;
          await sleep(10);
        }
        expect(heldSince !== null && Date.now() - heldSince >= IMPORT_LOCK_MS, "the import's transaction was never seen holding the write lock").toBe(true);
      }
      await server.kill();
      const [imported] = await Promise.all([importing, writers.stop()]);
      const lost = writers.answers.filter((a) => a.status === 0).length;
      const failed = writers.answers.filter((a) => a.status !== 0 && a.status !== 201);
      expect(failed.map((a) => ({ status: a.status, body: a.body }))).toEqual([]);

      const restartMs = await server.start();
      expect(integrityCheck(server.dbFile)).toBe("ok");
      expect(query(server.dbFile, "PRAGMA foreign_key_check")).toEqual([]);
      const present = new Set(query<{ id: string }>(server.dbFile, "SELECT id FROM annotation").map((row) => row.id));
      const missing = [...acked].filter((id) => !present.has(id));
      expect(missing).toEqual([]);

      const state = importState(slug);
      expect(["absent", "whole"]).toContain(state);
      // An import the server acknowledged must have survived; one killed inside its transaction must be gone.
      if (imported.status === 201) expect(state).toBe("whole");
      else expect(imported.status).toBe(0);
      if (point.mode === "in-transaction") expect(state).toBe("absent");
      outcomes.push(
        `kill ${point.name}: ${acked.size - before} acknowledged writes kept, ${lost} cut off unanswered, import ${state}` +
          `${imported.status === 201 ? " (acknowledged)" : " (unanswered)"}, restart ${restartMs} ms`,
      );

      // The restarted server takes writes again.
      const after = startWriters(acked);
      await sleep(300);
      await after.stop();
      expect(after.answers.length).toBeGreaterThan(0);
      expect(after.answers.every((a) => a.status === 201)).toBe(true);
    }
    for (const line of outcomes) console.log(`crash: ${line}`);

    await server.stop();
    expect(integrityCheck(server.dbFile)).toBe("ok");
    const present = new Set(query<{ id: string }>(server.dbFile, "SELECT id FROM annotation").map((row) => row.id));
    expect([...acked].filter((id) => !present.has(id))).toEqual([]);
    console.log(`crash: ${acked.size} acknowledged annotations across ${KILL_POINTS.length} kills, all present`);
  }, 600_000);
});
