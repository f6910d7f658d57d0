// Load without loss and conflicting edits, through the HTTP API of a production server.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { percentile, round, send, type Answer } from "./client";
import { query } from "./database";
import { suzkwerAt } from "./fixture";
import { serverForThisFile } from "./server";

const CLIENTS = 50;
const PER_CLIENT = 20;
const EDITORS = 20;
const CONFLICT_ROUNDS = 5;
const PIPELINE_IMPORTS = 4;

const server = serverForThisFile((started, ms) => console.log(`stress server on ${started.baseUrl}, ready in ${ms} ms (database ${started.dbFile})`));

describe("load without loss", () => {
  it(`${CLIENTS} clients create ${PER_CLIENT} annotations each at once: every request 2xx, exactly ${CLIENTS * PER_CLIENT} rows and audit events`, async () => {
    const { users, segments, versionId } = server.fixture;
    const answers: (Answer & { client: number })[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const user = users[client % users.length];
        for (let i = 0; i < PER_CLIENT; i++) {
          const segment = segments[(client * PER_CLIENT + i) % segments.length];
          const start = suzkwerAt(segment.text);
          const answer = await send(`${server.baseUrl}/api/v1/segments/${segment.id}/annotations`, {
            method: "POST",
            headers: { authorization: `Bearer ${user.token}` },
            json: { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", note: `client ${client} #${i}`, suggestion: "Sutskever" },
          });
          answers.push({ ...answer, client });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const latencies = answers.map((a) => a.ms);
    console.log(
      `load: ${answers.length} creates in ${seconds.toFixed(1)} s (${Math.round(answers.length / seconds)}/s); ` +
        `latency p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms, max ${round(Math.max(...latencies))} ms`,
    );

    const failed = answers.filter((a) => a.status < 200 || a.status >= 300);
    expect(failed.slice(0, 5).map((a) => ({ status: a.status, body: a.body, error: a.error }))).toEqual([]);
    expect(answers).toHaveLength(CLIENTS * PER_CLIENT);

    const ids = answers.map((a) => (a.body as { annotation: { id: string } }).annotation.id);
    expect(new Set(ids).size).toBe(CLIENTS * PER_CLIENT);

    const rows = query<{ id: string }>(server.dbFile, "SELECT a.id FROM annotation a JOIN segment s ON s.id = a.segmentId WHERE s.versionId = ?", versionId);
    expect(rows).toHaveLength(CLIENTS * PER_CLIENT);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));

    const events = query<{ entityId: string }>(server.dbFile, "SELECT entityId FROM audit_event WHERE action = 'annotation.create'");
    expect(events).toHaveLength(CLIENTS * PER_CLIENT);
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(ids));
  }, 300_000);
});

describe("conflicting edits", () => {
  it(`${EDITORS} clients edit one segment from the same base revision: one wins, ${EDITORS - 1} get 409, the revision chain is whole`, async () => {
    const { users, segments } = server.fixture;
    const segment = segments[segments.length - 1];
    for (let round = 0; round < CONFLICT_ROUNDS; round++) {
      const [{ revision: base }] = query<{ revision: number }>(server.dbFile, "SELECT revision FROM segment WHERE id = ?", segment.id);
      const texts = Array.from({ length: EDITORS }, (_, client) => `${segment.text} (round ${round}, client ${client})`);
      const answers = await Promise.all(
        texts.map((text, client) =>
          send(`${server.baseUrl}/api/v1/segments/${segment.id}/text`, {
            method: "PUT",
            headers: { authorization: `Bearer ${users[client % users.length].token}` },
            json: { text, baseRevision: base },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect({ round, ok: statuses.filter((s) => s === 200).length, conflicts: statuses.filter((s) => s === 409).length, other: statuses.filter((s) => s !== 200 && s !== 409) }).toEqual({
        round,
        ok: 1,
        conflicts: EDITORS - 1,
        other: [],
      });
      const winner = texts[statuses.indexOf(200)];
      // Every loser is told the winner's text and revision, so that the UI can show it.
      for (const answer of answers.filter((a) => a.status === 409)) {
        expect(answer.body).toMatchObject({ error: { code: "conflict", details: { current: { text: winner, revision: base + 1 } } } });
      }
      const [current] = query<{ text: string; revision: number }>(server.dbFile, "SELECT text, revision FROM segment WHERE id = ?", segment.id);
      expect(current).toEqual({ text: winner, revision: base + 1 });
    }

    const chain = query<{ number: number; baseRevision: number | null; text: string }>(server.dbFile, 'SELECT number, baseRevision, text FROM revision WHERE segmentId = ? ORDER BY number', segment.id);
    expect(chain.map((r) => r.number)).toEqual(Array.from({ length: CONFLICT_ROUNDS + 1 }, (_, i) => i + 1));
    chain.slice(1).forEach((revision, i) => expect(revision.baseRevision).toBe(chain[i].number));
    const edits = query<{ n: number }>(server.dbFile, "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'segment.edit' AND entityId = ?", segment.id);
    expect(edits[0].n).toBe(CONFLICT_ROUNDS);
  }, 120_000);
});

describe("a pipeline and the server writing at once", () => {
  it(`${PIPELINE_IMPORTS} CLI imports while clients write through the API: every import and every request succeeds`, async () => {
    const { users, segments } = server.fixture;
    const file = path.join(server.dir, "pipeline.txt");
    fs.writeFileSync(file, ["Pipeline article", ...Array.from({ length: 3000 }, (_, i) => `Absatz ${i + 1}: Suzkwer sagte, OpenAI habe Geimini kopiert.`)].join("\n\n"));
    let stopped = false;
    const answers: Answer[] = [];
    const writers = Promise.all(
      Array.from({ length: 10 }, async (_, client) => {
        for (let i = 0; !stopped; i++) {
          const segment = segments[(client * 7 + i) % segments.length];
          const start = suzkwerAt(segment.text);
          answers.push(
            await send(`${server.baseUrl}/api/v1/segments/${segment.id}/annotations`, {
              method: "POST",
              headers: { authorization: `Bearer ${users[client % users.length].token}` },
              json: { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "minor" },
            }),
          );
        }
      }),
    );
    const imports = [];
    // One after another, each racing the API writers (two at once would only wait for each other).
    for (let i = 0; i < PIPELINE_IMPORTS; i++) imports.push(await server.verso(["import", file, "--article", `pipeline-${i}`, "--lang", "de", "--source"]));
    stopped = true;
    await writers;
    expect(imports.map((run) => ({ status: run.status, output: run.status === 0 ? "" : run.output.slice(0, 2000) }))).toEqual(
      imports.map(() => ({ status: 0, output: "" })),
    );
    const failed = answers.filter((a) => a.status !== 201);
    expect(failed.slice(0, 5).map((a) => ({ status: a.status, body: a.body, error: a.error }))).toEqual([]);
    console.log(`pipeline: ${PIPELINE_IMPORTS} CLI imports of 3,001 segments beside ${answers.length} API writes, all succeeded`);
    const counts = query<{ n: number }>(server.dbFile, "SELECT COUNT(*) AS n FROM article WHERE slug LIKE 'pipeline-%'");
    expect(counts[0].n).toBe(PIPELINE_IMPORTS);
  }, 300_000);
});
