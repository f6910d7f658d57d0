import { glossaryTermSchema, type GlossaryTermInput } from "../validation/glossary";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { validate } from "./validate";

/** Adds glossary terms in one transaction; a duplicate (scope, language, canonical form) refuses all. */
export async function createGlossaryTerms(actor: Actor | null, inputs: GlossaryTermInput[]): Promise<number> {
  authorize(actor, "glossary.edit");
  const terms = inputs.map((input, index) => ({ ...validate(glossaryTermSchema, input), index }));
  return db.$transaction(async (tx) => {
    for (const term of terms) {
      let articleId: string | null = null;
      if (term.articleSlug) {
        const article = await tx.article.findUnique({ where: { slug: term.articleSlug }, select: { id: true } });
        if (!article) throw new NotFoundError(`term ${term.index + 1}: unknown article "${term.articleSlug}"`);
        articleId = article.id;
      }
      const existing = await tx.glossaryTerm.findFirst({ where: { articleId, lang: term.lang, canonical: term.canonical } });
      if (existing) throw new ConflictError(`term ${term.index + 1}: "${term.canonical}" (${term.lang}) already exists`);
      const created = await tx.glossaryTerm.create({
        data: { articleId, lang: term.lang, canonical: term.canonical, variants: term.variants, note: term.note ?? null },
      });
      await appendAudit(tx, actor, {
        action: "glossary.create",
        entityType: "glossaryTerm",
        entityId: created.id,
        articleId,
        after: { lang: term.lang, canonical: term.canonical, variants: term.variants },
      });
    }
    return terms.length;
  });
}
