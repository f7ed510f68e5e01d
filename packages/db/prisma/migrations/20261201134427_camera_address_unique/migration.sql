-- DropIndex
DROP INDEX "camera_enterpriseId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "camera_enterpriseId_rtspUrlShown_key" ON "camera"("enterpriseId", "rtspUrlShown");
