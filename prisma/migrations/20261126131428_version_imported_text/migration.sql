-- AlterTable
ALTER TABLE "version" ADD COLUMN "importedFormat" TEXT;
ALTER TABLE "version" ADD COLUMN "importedText" TEXT;

