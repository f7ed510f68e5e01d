-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('REST', 'WORKDAY');

-- CreateEnum
CREATE TYPE "DueStatus" AS ENUM ('OPEN', 'MISSING', 'REPORTED');

-- CreateEnum
CREATE TYPE "WebhookKind" AS ENUM ('WECOM', 'DINGTALK');

-- AlterEnum
ALTER TYPE "ReviewStatus" ADD VALUE 'RESUBMITTED';

-- AlterEnum
ALTER TYPE "ReviewAction" ADD VALUE 'RESPOND';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FlagKind" ADD VALUE 'PHOTO_TIME_FAR_FROM_START';
ALTER TYPE "FlagKind" ADD VALUE 'PHOTO_LOCATION_FAR';
ALTER TYPE "FlagKind" ADD VALUE 'VIDEO_TOO_SHORT';
ALTER TYPE "FlagKind" ADD VALUE 'ATTENDANCE_ABOVE_ROSTER';

-- DropIndex
DROP INDEX "meeting_flag_meetingId_idx";

-- AlterTable
ALTER TABLE "team_shift" ADD COLUMN     "effectiveFrom" DATE NOT NULL DEFAULT ((now() AT TIME ZONE 'Asia/Shanghai'))::date;

-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "heldOnTime" BOOLEAN;

-- AlterTable
ALTER TABLE "meeting_flag" ADD COLUMN     "key" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
ADD COLUMN     "params" JSONB,
ADD COLUMN     "relatedMeetingId" UUID;

-- AlterTable
ALTER TABLE "media_asset" ADD COLUMN     "photoHashes" JSONB,
ADD COLUMN     "removedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removedById" UUID;

-- CreateTable
CREATE TABLE "shift_revision" (
    "id" UUID NOT NULL,
    "shiftId" UUID NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "daysOfWeek" INTEGER[],
    "meetingWindowBefore" INTEGER NOT NULL,
    "meetingWindowAfter" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shift_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enterprise_calendar_day" (
    "enterpriseId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enterprise_calendar_day_pkey" PRIMARY KEY ("enterpriseId","date")
);

-- CreateTable
CREATE TABLE "photo_hash_band" (
    "assetId" UUID NOT NULL,
    "hashKind" SMALLINT NOT NULL,
    "band" SMALLINT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "photo_hash_band_pkey" PRIMARY KEY ("assetId","hashKind","band")
);

-- CreateTable
CREATE TABLE "due_meeting" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "zoneId" UUID NOT NULL,
    "industryId" UUID NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "teamId" UUID NOT NULL,
    "shiftId" UUID NOT NULL,
    "dueFrom" TIMESTAMPTZ(3) NOT NULL,
    "dueUntil" TIMESTAMPTZ(3) NOT NULL,
    "reportBy" TIMESTAMPTZ(3) NOT NULL,
    "status" "DueStatus" NOT NULL DEFAULT 'OPEN',
    "meetingId" UUID,
    "reportedOnTime" BOOLEAN,
    "heldOnTime" BOOLEAN,
    "evidenceCount" INTEGER NOT NULL DEFAULT 0,
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "missingAt" TIMESTAMPTZ(3),
    "remindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "due_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_webhook" (
    "id" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "kind" "WebhookKind" NOT NULL,
    "name" TEXT NOT NULL,
    "urlCipher" TEXT NOT NULL,
    "secretCipher" TEXT,
    "host" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastStatus" TEXT,
    "lastSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reminder_webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "enterpriseId" UUID,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shift_revision_shiftId_effectiveFrom_key" ON "shift_revision"("shiftId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "photo_hash_band_hashKind_band_value_idx" ON "photo_hash_band"("hashKind", "band", "value");

-- CreateIndex
CREATE UNIQUE INDEX "due_meeting_meetingId_key" ON "due_meeting"("meetingId");

-- CreateIndex
CREATE INDEX "due_meeting_date_zoneId_idx" ON "due_meeting"("date", "zoneId");

-- CreateIndex
CREATE INDEX "due_meeting_enterpriseId_date_idx" ON "due_meeting"("enterpriseId", "date");

-- CreateIndex
CREATE INDEX "due_meeting_status_reportBy_idx" ON "due_meeting"("status", "reportBy");

-- CreateIndex
CREATE UNIQUE INDEX "due_meeting_teamId_shiftId_date_key" ON "due_meeting"("teamId", "shiftId", "date");

-- CreateIndex
CREATE INDEX "reminder_webhook_enterpriseId_idx" ON "reminder_webhook"("enterpriseId");

-- CreateIndex
CREATE INDEX "notification_userId_createdAt_idx" ON "notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "meeting_flag_relatedMeetingId_idx" ON "meeting_flag"("relatedMeetingId");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_flag_meetingId_key_key" ON "meeting_flag"("meetingId", "key");

-- CreateIndex
CREATE INDEX "media_asset_sha256_idx" ON "media_asset"("sha256");

-- AddForeignKey
ALTER TABLE "shift_revision" ADD CONSTRAINT "shift_revision_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise_calendar_day" ADD CONSTRAINT "enterprise_calendar_day_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_flag" ADD CONSTRAINT "meeting_flag_relatedMeetingId_fkey" FOREIGN KEY ("relatedMeetingId") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_asset" ADD CONSTRAINT "media_asset_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "photo_hash_band" ADD CONSTRAINT "photo_hash_band_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "media_asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_meeting" ADD CONSTRAINT "due_meeting_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_meeting" ADD CONSTRAINT "due_meeting_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_meeting" ADD CONSTRAINT "due_meeting_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_meeting" ADD CONSTRAINT "due_meeting_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_webhook" ADD CONSTRAINT "reminder_webhook_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Flags written from now on name their finding; the default only covered rows that existed.
ALTER TABLE "meeting_flag" ALTER COLUMN "key" DROP DEFAULT;

-- Existing assignments and shifts date from when they were made, not from this migration.
UPDATE "team_shift" ts SET "effectiveFrom" = (t."createdAt" AT TIME ZONE 'Asia/Shanghai')::date
  FROM "team" t WHERE t."id" = ts."teamId";
INSERT INTO "shift_revision" ("id", "shiftId", "effectiveFrom", "startMinute", "endMinute", "daysOfWeek", "meetingWindowBefore", "meetingWindowAfter", "active")
  SELECT gen_random_uuid(), "id", ("createdAt" AT TIME ZONE 'Asia/Shanghai')::date, "startMinute", "endMinute", "daysOfWeek", "meetingWindowBefore", "meetingWindowAfter", "active"
  FROM "shift";
