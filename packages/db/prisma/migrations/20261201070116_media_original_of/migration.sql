-- AlterTable
ALTER TABLE "media_asset" ADD COLUMN     "originalOfId" UUID;

-- AddForeignKey
ALTER TABLE "media_asset" ADD CONSTRAINT "media_asset_originalOfId_fkey" FOREIGN KEY ("originalOfId") REFERENCES "media_asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;
