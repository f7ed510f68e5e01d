-- AlterTable
ALTER TABLE "play_session" ADD COLUMN     "clientStartedAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "playedSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "presence_check" ADD COLUMN     "challenge" TEXT NOT NULL;
