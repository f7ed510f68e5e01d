-- CreateEnum
CREATE TYPE "LiveSource" AS ENUM ('PUSH', 'CAMERA');

-- CreateEnum
CREATE TYPE "CameraStatus" AS ENUM ('UNKNOWN', 'ONLINE', 'OFFLINE');

-- CreateEnum
CREATE TYPE "RtspTransport" AS ENUM ('TCP', 'UDP');

-- DropIndex
DROP INDEX "live_stream_enterpriseId_idx";

-- AlterTable
ALTER TABLE "live_stream" ADD COLUMN     "cameraId" UUID,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "gaps" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "interruptedAt" TIMESTAMPTZ(3),
ADD COLUMN     "keyRotatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "meetingDate" DATE,
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3),
ADD COLUMN     "shiftId" UUID,
ADD COLUMN     "source" "LiveSource" NOT NULL DEFAULT 'PUSH',
ADD COLUMN     "teamId" UUID,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "videoCodec" TEXT,
ALTER COLUMN "streamKeyHash" DROP NOT NULL,
ALTER COLUMN "streamKeyPrefix" DROP NOT NULL;

-- CreateTable
CREATE TABLE "camera" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "teamId" UUID,
    "name" TEXT NOT NULL,
    "rtspUrlSealed" TEXT NOT NULL,
    "rtspUrlShown" TEXT NOT NULL,
    "transport" "RtspTransport" NOT NULL DEFAULT 'TCP',
    "autoRecord" BOOLEAN NOT NULL DEFAULT false,
    "status" "CameraStatus" NOT NULL DEFAULT 'UNKNOWN',
    "statusReason" TEXT,
    "statusCheckedAt" TIMESTAMPTZ(3),
    "lastOnlineAt" TIMESTAMPTZ(3),
    "videoCodec" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "camera_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "camera_enterpriseId_idx" ON "camera"("enterpriseId");

-- CreateIndex
CREATE INDEX "camera_autoRecord_idx" ON "camera"("autoRecord");

-- CreateIndex
CREATE INDEX "live_stream_enterpriseId_status_idx" ON "live_stream"("enterpriseId", "status");

-- CreateIndex
CREATE INDEX "live_stream_cameraId_status_idx" ON "live_stream"("cameraId", "status");

-- CreateIndex
CREATE INDEX "live_stream_teamId_shiftId_meetingDate_idx" ON "live_stream"("teamId", "shiftId", "meetingDate");

-- AddForeignKey
ALTER TABLE "live_stream" ADD CONSTRAINT "live_stream_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_stream" ADD CONSTRAINT "live_stream_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_stream" ADD CONSTRAINT "live_stream_cameraId_fkey" FOREIGN KEY ("cameraId") REFERENCES "camera"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_stream" ADD CONSTRAINT "live_stream_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera" ADD CONSTRAINT "camera_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera" ADD CONSTRAINT "camera_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "camera" ADD CONSTRAINT "camera_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
