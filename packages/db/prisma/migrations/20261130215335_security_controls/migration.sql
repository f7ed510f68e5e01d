-- CreateEnum
CREATE TYPE "SessionEndReason" AS ENUM ('LOGOUT', 'IDLE', 'REPLACED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'DEACTIVATED', 'SIGNED_OUT_BY_USER', 'REVOKED_BY_ADMIN', 'MFA_RESET');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'SECURITY_ADMIN';
ALTER TYPE "Role" ADD VALUE 'AUDIT_ADMIN';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "mfaEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "mfaSecret" TEXT,
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "endedReason" "SessionEndReason",
ADD COLUMN     "mfaPending" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prevHash" CHAR(64),
ADD COLUMN     "userAgent" TEXT;

-- CreateTable
CREATE TABLE "password_history" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_recovery_code" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "username" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("username","source")
);

-- CreateTable
CREATE TABLE "audit_purge" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedThroughId" BIGINT NOT NULL,
    "lastHash" CHAR(64) NOT NULL,
    "rows" INTEGER NOT NULL,

    CONSTRAINT "audit_purge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "password_history_userId_createdAt_idx" ON "password_history"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "mfa_recovery_code_userId_codeHash_key" ON "mfa_recovery_code"("userId", "codeHash");

-- CreateIndex
CREATE INDEX "login_throttle_lockedUntil_idx" ON "login_throttle"("lockedUntil");

-- AddForeignKey
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_recovery_code" ADD CONSTRAINT "mfa_recovery_code_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
