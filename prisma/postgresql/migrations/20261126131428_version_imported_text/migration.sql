-- AlterTable
ALTER TABLE "version" ADD COLUMN     "importedFormat" TEXT,
ADD COLUMN     "importedText" TEXT;

