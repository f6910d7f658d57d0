-- AlterTable
ALTER TABLE "annotation" ADD COLUMN "appliedEnd" INTEGER;
ALTER TABLE "annotation" ADD COLUMN "appliedRevision" INTEGER;
ALTER TABLE "annotation" ADD COLUMN "appliedStart" INTEGER;
ALTER TABLE "annotation" ADD COLUMN "targetVersionId" TEXT;

-- CreateTable
CREATE TABLE "workspace_preference" (
    "userId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "versionIds" JSONB NOT NULL,
    "layout" TEXT NOT NULL DEFAULT 'columns',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "articleId"),
    CONSTRAINT "workspace_preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "workspace_preference_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

