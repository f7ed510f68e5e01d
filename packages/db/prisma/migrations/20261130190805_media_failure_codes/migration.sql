-- AlterTable
ALTER TABLE "media_asset" ADD COLUMN     "declaredDurationMs" INTEGER,
ADD COLUMN     "failureCode" TEXT,
ADD COLUMN     "failureParams" JSONB,
ADD COLUMN     "truncatedAtMs" INTEGER;
