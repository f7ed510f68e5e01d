-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "idNumber" TEXT;

-- AlterTable
ALTER TABLE "course" ADD COLUMN     "certificateValidMonths" INTEGER NOT NULL DEFAULT 36;

-- AlterTable
ALTER TABLE "lesson" ADD COLUMN     "body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "presenceChecks" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "quiz" ADD COLUMN     "attemptLimit" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "drawCount" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "quiz_question" ADD COLUMN     "explanation" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "lesson_progress" ADD COLUMN     "rejectedHeartbeats" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "quiz_attempt" ADD COLUMN     "questionIds" UUID[],
ADD COLUMN     "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "answers" DROP NOT NULL,
ALTER COLUMN "score" DROP NOT NULL,
ALTER COLUMN "passed" DROP NOT NULL,
ALTER COLUMN "submittedAt" DROP NOT NULL,
ALTER COLUMN "submittedAt" DROP DEFAULT;

-- AlterTable
ALTER TABLE "certificate" ADD COLUMN     "validUntil" TIMESTAMPTZ(3) NOT NULL;

-- CreateTable
CREATE TABLE "play_session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "deviceId" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastClientAt" TIMESTAMPTZ(3),
    "lastReceivedAt" TIMESTAMPTZ(3),
    "lastSeq" INTEGER NOT NULL DEFAULT -1,
    "checkAt" INTEGER[],
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "play_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning_heartbeat" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "clientAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ranges" JSONB NOT NULL,
    "countedSeconds" INTEGER NOT NULL DEFAULT 0,
    "rejection" TEXT,

    CONSTRAINT "learning_heartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presence_check" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "atSecond" INTEGER NOT NULL,
    "askedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "presence_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "play_session_userId_lastReceivedAt_idx" ON "play_session"("userId", "lastReceivedAt" DESC);

-- CreateIndex
CREATE INDEX "play_session_enrolmentId_idx" ON "play_session"("enrolmentId");

-- CreateIndex
CREATE INDEX "learning_heartbeat_receivedAt_idx" ON "learning_heartbeat"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "learning_heartbeat_sessionId_seq_key" ON "learning_heartbeat"("sessionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "presence_check_sessionId_atSecond_key" ON "presence_check"("sessionId", "atSecond");

-- AddForeignKey
ALTER TABLE "play_session" ADD CONSTRAINT "play_session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "play_session" ADD CONSTRAINT "play_session_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning_heartbeat" ADD CONSTRAINT "learning_heartbeat_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "play_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presence_check" ADD CONSTRAINT "presence_check_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "play_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
