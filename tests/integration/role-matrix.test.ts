import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/server/actor";
import { applyAnnotation, createAnnotation, rejectAnnotation } from "@/lib/server/annotations";
import { getArticleDetail } from "@/lib/server/articles";
import { listAuditEvents } from "@/lib/server/audit-log";
import { PERMISSIONS, type Operation } from "@/lib/server/authorize";
import { createBackup, restoreBackup } from "@/lib/server/backup";
import { dismissFinding } from "@/lib/server/checks";
import { db, openDatabase } from "@/lib/server/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { exportVersion } from "@/lib/server/export";
import type { PrismaClient } from "@/lib/server/generated/prisma/client";
import { createGlossaryTerms } from "@/lib/server/glossary";
import { importVersion } from "@/lib/server/import-version";
import { importMqm } from "@/lib/server/mqm-import";
import { editSegmentText, setReviewMark } from "@/lib/server/segments";
import { getActor } from "@/lib/server/session";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/tokens";
import { changeUserRole, createUser, deactivateUser, listUsers } from "@/lib/server/users";
import { approveVersion, requestChanges } from "@/lib/server/versions";
import { saveWorkspacePreferences } from "@/lib/server/workspace";
import { bytes, makeActor, tableNames, uniqueSlug } from "./helpers";

/** A fresh article with a German version, one segment and an annotation with a suggestion. */
async function fixture() {
  const slug = uniqueSlug("matrix");
  await importVersion(CLI_ACTOR, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes("标题\n\n苏茨克维宣布。\n\n雷克跟随。"), isSource: true });
  const de = await importVersion(CLI_ACTOR, { slug, lang: "de", fileName: "de.txt", bytes: bytes("Titel\n\nSuzkwer gab bekannt.\n\nLake folgte.") });
  const segment = await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 2 } } });
  const { annotation } = await createAnnotation(CLI_ACTOR, segment.id, {
    start: 0,
    end: 7,
    quote: "Suzkwer",
    category: "Accuracy/Mistranslation/Entity",
    severity: "major",
    suggestion: "Sutskever",
  });
  // An applied correction on another segment, for reject.
  const third = await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 3 } } });
  const applied = await createAnnotation(CLI_ACTOR, third.id, {
    start: 0,
    end: 4,
    quote: "Lake",
    category: "Accuracy/Mistranslation/Entity",
    severity: "major",
    suggestion: "Leike",
    apply: true,
  });
  const target = await makeActor("reviewer");
  const token = await createApiToken(CLI_ACTOR, (target as { email: string }).email, "matrix");
  return { slug, versionId: de.versionId, segmentId: segment.id, annotationId: annotation.id, appliedId: applied.annotation.id, target, token };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

const MQM_FIXTURE = fs.readFileSync(path.join(__dirname, "../fixtures/mqm-small.tsv"));
let emptyDatabase: PrismaClient;

/**
 * One call per operation of lib/server/authorize.ts, each the lib/server
 * function that pages, server actions, the API and the CLI all go through.
 */
const CALLS: Record<Operation, (actor: Actor | null, f: Fixture) => Promise<unknown>> = {
  "article.read": (actor, f) => getArticleDetail(actor, f.slug),
  "annotation.create": (actor, f) =>
    createAnnotation(actor, f.segmentId, { start: 8, end: 11, quote: "gab", category: "Fluency/Grammar", severity: "minor" }),
  "annotation.apply": (actor, f) => applyAnnotation(actor, f.annotationId),
  "annotation.reject": (actor, f) => rejectAnnotation(actor, f.appliedId),
  "segment.edit": (actor, f) => editSegmentText(actor, f.segmentId, { text: "Sutskever gab bekannt.", baseRevision: 1 }),
  "segment.review": (actor, f) => setReviewMark(actor, f.segmentId, { reviewed: true }),
  "check.dismiss": (actor, f) => dismissFinding(actor, { versionId: f.versionId, checkId: "names", position: 2, quote: "Suzkwer", reason: "matrix test" }),
  "preference.save": (actor, f) => saveWorkspacePreferences(actor, f.slug, { versionIds: [f.versionId], layout: "rows" }),
  "version.import": (actor, f) => importVersion(actor, { slug: f.slug, lang: "fr", fileName: "fr.txt", bytes: bytes("Titre\n\nSutskever a annoncé.") }),
  "glossary.edit": (actor, f) => createGlossaryTerms(actor, [{ lang: "de", canonical: "Sutskever", variants: ["Suzkwer"], articleSlug: f.slug }]),
  "mqm.import": (actor) => importMqm(actor, { fileName: "mqm-small.tsv", bytes: MQM_FIXTURE, replace: true }),
  "version.export": (actor, f) => exportVersion(actor, { slug: f.slug, lang: "de", format: "txt" }),
  "version.approve": (actor, f) => approveVersion(actor, f.versionId, { overrideReason: "matrix test" }),
  "version.requestChanges": (actor, f) => requestChanges(actor, f.versionId, { message: "matrix test" }),
  "user.list": (actor) => listUsers(actor),
  "user.create": (actor) =>
    createUser(actor, { email: `new-${crypto.randomUUID().slice(0, 8)}@example.test`, name: "New", role: "reviewer", password: "a long enough password" }),
  "user.update": (actor, f) => changeUserRole(actor, { userId: (f.target as { id: string }).id, role: "editor" }),
  "token.list": (actor) => listApiTokens(actor),
  "token.create": (actor, f) => createApiToken(actor, (f.target as { email: string }).email, "matrix-2"),
  "token.revoke": (actor, f) => revokeApiToken(actor, { keyId: f.token.id }),
  "audit.read": (actor) => listAuditEvents(actor),
  "database.backup": (actor) => createBackup(actor),
  // Allowed callers restore into an empty database; refused ones never get that far.
  "database.restore": async (actor) => restoreBackup(actor, await createBackup(CLI_ACTOR), emptyDatabase),
};

/** Rows in every table: a refused call must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames()) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    counts[name] = Number(row.n);
  }
  return counts;
}

const ROLES = ["reviewer", "editor", "admin"] as const;
const actors: Record<(typeof ROLES)[number], Actor> = {} as never;
let deactivated: Actor | null;
let emptyFile: string;

beforeAll(async () => {
  for (const role of ROLES) actors[role] = await makeActor(role);
  // A deactivated user's token no longer resolves to an actor.
  const gone = await makeActor("editor");
  const { token } = await createApiToken(CLI_ACTOR, (gone as { email: string }).email, "gone");
  expect(await getActor(new Headers({ authorization: `Bearer ${token}` }))).toMatchObject({ kind: "user", role: "editor" });
  await deactivateUser(CLI_ACTOR, { userId: (gone as { id: string }).id });
  deactivated = await getActor(new Headers({ authorization: `Bearer ${token}` }));

  emptyFile = path.join(process.env.VERSO_TEST_DIR!, `matrix-empty-${crypto.randomUUID().slice(0, 8)}.db`);
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${emptyFile}` },
  });
  emptyDatabase = openDatabase(`file:${emptyFile}`);
}, 60_000);

afterAll(async () => {
  await emptyDatabase?.$disconnect();
});

describe("the role matrix: every operation × anonymous, reviewer, editor, admin and a deactivated user", () => {
  it("has a call for every operation in the permission table", () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("a deactivated user's token gives no actor", () => {
    expect(deactivated).toBeNull();
  });

  for (const operation of Object.keys(PERMISSIONS) as Operation[]) {
    const allowed = PERMISSIONS[operation] as readonly string[];
    for (const who of ["anonymous", "deactivated", ...ROLES] as const) {
      const permitted = who !== "anonymous" && who !== "deactivated" && allowed.includes(who);
      it(`${operation} as ${who}: ${permitted ? "succeeds" : "refused, nothing written"}`, async () => {
        const f = await fixture();
        const actor = who === "anonymous" ? null : who === "deactivated" ? deactivated : actors[who];
        if (permitted) {
          // Resolving is success: any refusal or failure throws and fails the test.
          await CALLS[operation](actor, f);
          return;
        }
        const before = await rowCounts();
        const error = await CALLS[operation](actor, f).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(actor === null ? UnauthenticatedError : ForbiddenError);
        expect(await rowCounts()).toEqual(before);
      });
    }
  }
});
