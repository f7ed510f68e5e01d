-- AlterTable
ALTER TABLE "due_meeting" ADD COLUMN     "evidenceBy" TIMESTAMPTZ(3),
ADD COLUMN     "reportedAt" TIMESTAMPTZ(3);
