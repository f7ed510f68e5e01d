-- AlterTable
ALTER TABLE "app_user" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil";
