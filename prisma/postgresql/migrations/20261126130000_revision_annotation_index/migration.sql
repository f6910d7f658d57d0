-- CreateIndex
CREATE INDEX "revision_annotationId_idx" ON "revision"("annotationId");

