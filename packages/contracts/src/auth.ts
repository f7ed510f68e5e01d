import { z } from 'zod';
import { User } from './users.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, { error: 'enter your username' }).max(64),
  password: z.string().min(1, { error: 'enter your password' }).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

/**
 * What the session still owes before any other route answers: the second factor, enrolling one
 * (privileged roles), or a new password (first login, after a reset, or expired). Null when none.
 */
export const PendingStep = z.enum(['MFA', 'MFA_ENROLMENT', 'PASSWORD_CHANGE']).nullable().meta({ id: 'PendingStep' });
export type PendingStep = z.infer<typeof PendingStep>;

/** The logged-in user: the account as admins see it, minus what only admins need, plus the session's end. */
export const Me = User.pick({ id: true, username: true, displayName: true, role: true, enterprise: true, zone: true })
  .extend({ sessionExpiresAt: z.string().nullable(), pendingStep: PendingStep, mfaEnabled: z.boolean() })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, { error: 'enter your current password' }).max(256),
  // The policy (length, classes, user name, common list, reuse) is checked by the service, which names every rule broken.
  newPassword: z.string().min(1, { error: 'enter a new password' }).max(128),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** A new TOTP secret for the authenticator app: as text for manual entry and as an otpauth:// URI for the QR code. */
export const MfaEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string() }).meta({ id: 'MfaEnrolment' });
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'six digits' });

export const MfaActivateBody = z.object({ code: totpCode });
export type MfaActivateBody = z.infer<typeof MfaActivateBody>;

/** Shown once: each code completes one sign-in without the authenticator. Only their hashes are kept. */
export const MfaRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'MfaRecoveryCodes' });
export type MfaRecoveryCodes = z.infer<typeof MfaRecoveryCodes>;

export const MfaVerifyBody = z.union([
  z.object({ code: totpCode }).strict(),
  z.object({ recoveryCode: z.string().trim().min(1).max(32) }).strict(),
]);
export type MfaVerifyBody = z.infer<typeof MfaVerifyBody>;
