import type { Role } from '@platform/contracts';

/** The second-factor facts of one account. */
export interface MfaAccount {
  id: string;
  username: string;
  role: Role;
  enterpriseId: string | null;
  /** The TOTP secret as a SecretBox envelope; set from enrolment on. */
  mfaSecret: string | null;
  /** Set once an enrolment was confirmed with a code. */
  mfaEnabledAt: Date | null;
}

/** Persistence of TOTP secrets, recovery codes and the sessions waiting for a second factor. */
export interface MfaRepository {
  findAccount(userId: string): Promise<MfaAccount | null>;
  /** Starts (or restarts) an enrolment: stores the sealed secret, not yet enabled, without recovery codes. */
  saveEnrolment(userId: string, sealedSecret: string): Promise<void>;
  /** Enables the second factor with fresh recovery codes; false when it was enabled already. */
  enable(userId: string, at: Date, recoveryCodeHashes: string[]): Promise<boolean>;
  /** Marks an unused recovery code used; false when there is no such unused code. */
  useRecoveryCode(userId: string, codeHash: string, at: Date): Promise<boolean>;
  unusedRecoveryCodes(userId: string): Promise<number>;
  /** Removes the secret and the recovery codes; the next login must enrol again. */
  reset(userId: string): Promise<void>;
  /** Whether the session still waits for the second factor. */
  isSessionPending(sessionId: string): Promise<boolean>;
  /** The session has given its second factor: it becomes usable. */
  completeSession(sessionId: string): Promise<void>;
}
