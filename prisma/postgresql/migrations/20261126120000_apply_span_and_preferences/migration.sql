-- AlterTable
ALTER TABLE "annotation" ADD COLUMN     "appliedEnd" INTEGER,
ADD COLUMN     "appliedRevision" INTEGER,
ADD COLUMN     "appliedStart" INTEGER,
ADD COLUMN     "targetVersionId" TEXT;

-- CreateTable
CREATE TABLE "workspace_preference" (
    "userId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "versionIds" JSONB NOT NULL,
    "layout" TEXT NOT NULL DEFAULT 'columns',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "workspace_preference_pkey" PRIMARY KEY ("userId","articleId")
);

-- AddForeignKey
ALTER TABLE "workspace_preference" ADD CONSTRAINT "workspace_preference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_preference" ADD CONSTRAINT "workspace_preference_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

