-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "clientRef" UUID;

-- AlterTable
ALTER TABLE "media_asset" ADD COLUMN     "staged" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
-- The purge looks only at files of reports never submitted.
CREATE INDEX "media_asset_staged_idx" ON "media_asset"("createdAt") WHERE "staged";
