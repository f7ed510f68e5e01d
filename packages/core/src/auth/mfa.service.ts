import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Actor } from '../access/actor.ts';
import { requireRole } from '../access/scope.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { ConflictError, NotFoundError, TooManyAttemptsError, ValidationError } from '../errors/index.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { MfaAccount, MfaRepository } from './mfa.port.ts';
import { hashSecret } from './secrets.ts';
import type { SessionService } from './session.service.ts';

/** Shown by authenticator apps above the account name. */
export const MFA_ISSUER = '滨海新区班前会';
const RECOVERY_CODES = 10;
// Codes of the previous and next 30-second step are accepted too: phone clocks drift.
const TOLERANCE_SECONDS = 30;
// Lower case without 0/1/l/o, so a code read off paper is typed back right.
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Where a request came from, for the throttle and the audit trail. */
export interface MfaRequestContext {
  ip: string | null;
}

/** A second factor: a TOTP code from the authenticator, or one of the recovery codes. */
export type MfaProof = { code: string } | { recoveryCode: string };

/**
 * TOTP second factor (RFC 6238, otplib): enrolment, activation with recovery codes, verification
 * of a session waiting for it, and the security administrator's reset. Wrong codes count in the
 * login throttle under a name of their own, so a password login (which clears the password's
 * count) does not also clear the code guesses.
 */
export class MfaService {
  // The last accepted time step per user, so a code seen over a shoulder cannot be replayed
  // within its window. In memory: one API process in the embedded default; with several
  // instances a replay would have to reach another instance within the same 90 seconds.
  readonly #lastStep = new Map<string, number>();

  constructor(
    private readonly repo: MfaRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditRepository,
    private readonly sessions: Pick<SessionService, 'revokeAllOfUser' | 'sessionStarted'>,
    private readonly throttle: LoginThrottle,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether the user has an enabled second factor (shown on their account page). */
  async isEnabled(userId: string): Promise<boolean> {
    return Boolean((await this.repo.findAccount(userId))?.mfaEnabledAt);
  }

  /** Starts an enrolment: a new secret, stored encrypted and not yet enabled, for the QR code. */
  async startEnrolment(actor: Actor, ctx: MfaRequestContext): Promise<{ secret: string; otpauthUrl: string }> {
    const account = await this.account(actor);
    if (account.mfaEnabledAt)
      throw new ConflictError('MFA_ALREADY_ENABLED', 'A second factor is enabled already; a security administrator can reset it.');
    const secret = generateSecret();
    await this.repo.saveEnrolment(account.id, this.box.seal(secret));
    await this.audit.record({
      actor,
      action: 'auth.mfa.enrol',
      entityType: 'user',
      entityId: account.id,
      entityLabel: account.username,
      outcome: 'SUCCESS',
      ip: ctx.ip,
    });
    return { secret, otpauthUrl: generateURI({ issuer: MFA_ISSUER, label: account.username, secret }) };
  }

  /**
   * Confirms an enrolment with a code from the authenticator: the second factor is enabled, the
   * session counts as verified, and the recovery codes are returned (only their hashes are kept).
   */
  async activate(actor: Actor, sessionId: string | null, code: string, ctx: MfaRequestContext): Promise<{ recoveryCodes: string[] }> {
    const account = await this.account(actor);
    if (account.mfaEnabledAt) throw new ConflictError('MFA_ALREADY_ENABLED', 'A second factor is enabled already.');
    if (!account.mfaSecret) throw new ConflictError('MFA_NOT_ENROLLING', 'Start an enrolment first.');
    await this.checkCode(actor, account, account.mfaSecret, code, 'auth.mfa.activate', ctx);
    const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    if (!(await this.repo.enable(account.id, this.now(), recoveryCodes.map(recoveryHash)))) {
      throw new ConflictError('MFA_ALREADY_ENABLED', 'A second factor is enabled already.');
    }
    await this.audit.record({
      actor,
      action: 'auth.mfa.activate',
      entityType: 'user',
      entityId: account.id,
      entityLabel: account.username,
      outcome: 'SUCCESS',
      ip: ctx.ip,
    });
    if (sessionId) await this.complete(actor, sessionId, ctx);
    return { recoveryCodes };
  }

  /** Completes a session waiting for the second factor, with a TOTP code or a single-use recovery code. */
  async verify(actor: Actor, sessionId: string, proof: MfaProof, ctx: MfaRequestContext): Promise<void> {
    const account = await this.account(actor);
    if (!account.mfaEnabledAt || !account.mfaSecret || !(await this.repo.isSessionPending(sessionId))) {
      throw new ConflictError('MFA_NOT_PENDING', 'This session does not wait for a second factor.');
    }
    if ('code' in proof) {
      await this.checkCode(actor, account, account.mfaSecret, proof.code, 'auth.mfa.verify', ctx);
    } else {
      await this.checkRecoveryCode(actor, account, proof.recoveryCode, ctx);
    }
    await this.audit.record({
      actor,
      action: 'auth.mfa.verify',
      entityType: 'user',
      entityId: account.id,
      entityLabel: account.username,
      outcome: 'SUCCESS',
      ip: ctx.ip,
      details: 'code' in proof ? { method: 'totp' } : { method: 'recovery code', left: await this.repo.unusedRecoveryCodes(account.id) },
    });
    await this.complete(actor, sessionId, ctx);
  }

  /** A security administrator removes an account's second factor (a lost phone); its sessions end and the next login enrols again. */
  async reset(actor: Actor, userId: string, ctx: MfaRequestContext): Promise<void> {
    requireRole(actor, 'SECURITY_ADMIN');
    const account = await this.repo.findAccount(userId);
    if (!account) throw new NotFoundError('user', userId);
    await this.repo.reset(userId);
    this.#lastStep.delete(userId);
    await this.audit.record({
      actor,
      action: 'user.mfa.reset',
      entityType: 'user',
      entityId: userId,
      entityLabel: account.username,
      enterpriseId: account.enterpriseId,
      outcome: 'SUCCESS',
      ip: ctx.ip,
      details: { username: account.username, wasEnabled: Boolean(account.mfaEnabledAt) },
    });
    await this.sessions.revokeAllOfUser(userId, 'MFA_RESET', actor, ctx);
  }

  private async account(actor: Actor): Promise<MfaAccount> {
    const account = actor.userId ? await this.repo.findAccount(actor.userId) : null;
    if (!account) throw new NotFoundError('user');
    return account;
  }

  /** The session is verified; only now does it count towards the concurrent-session limit, so a password alone cannot push the owner out. */
  private async complete(actor: Actor, sessionId: string, ctx: MfaRequestContext): Promise<void> {
    await this.repo.completeSession(sessionId);
    await this.sessions.sessionStarted(actor, sessionId, ctx);
  }

  private async checkCode(
    actor: Actor,
    account: MfaAccount,
    sealed: string,
    code: string,
    action: string,
    ctx: MfaRequestContext,
  ): Promise<void> {
    const key = await this.unlockedKey(actor, account, action, ctx);
    const now = this.now();
    const result = await verify({
      secret: this.box.open(sealed),
      token: code,
      epoch: now.getTime() / 1000,
      epochTolerance: TOLERANCE_SECONDS,
    });
    if (!result.valid) return this.fail(key, actor, account, action, ctx, 'code', 'MFA_CODE_INVALID');
    // The union type also covers HOTP results, which have no time step; TOTP's always do.
    const step = 'timeStep' in result ? result.timeStep : Math.floor(now.getTime() / 30_000) + result.delta;
    if (step <= (this.#lastStep.get(account.id) ?? -1)) return this.fail(key, actor, account, action, ctx, 'code', 'MFA_CODE_REUSED');
    this.#lastStep.set(account.id, step);
    await this.throttle.clear(key);
  }

  private async checkRecoveryCode(actor: Actor, account: MfaAccount, code: string, ctx: MfaRequestContext): Promise<void> {
    const action = 'auth.mfa.verify';
    const key = await this.unlockedKey(actor, account, action, ctx);
    if (!(await this.repo.useRecoveryCode(account.id, recoveryHash(code), this.now()))) {
      return this.fail(key, actor, account, action, ctx, 'recoveryCode', 'MFA_RECOVERY_CODE_INVALID');
    }
    await this.throttle.clear(key);
  }

  private async unlockedKey(actor: Actor, account: MfaAccount, action: string, ctx: MfaRequestContext) {
    const key = this.throttle.keyOf(`mfa:${account.username}`, ctx.ip);
    const lockedFor = await this.throttle.lockedFor(key, this.now());
    if (lockedFor > 0) {
      await this.audit.record({
        actor,
        action,
        entityType: 'user',
        entityId: account.id,
        entityLabel: account.username,
        outcome: 'DENIED',
        ip: ctx.ip,
        details: { reason: 'locked' },
      });
      throw new TooManyAttemptsError(lockedFor);
    }
    return key;
  }

  private async fail(
    key: ReturnType<LoginThrottle['keyOf']>,
    actor: Actor,
    account: MfaAccount,
    action: string,
    ctx: MfaRequestContext,
    field: 'code' | 'recoveryCode',
    code: 'MFA_CODE_INVALID' | 'MFA_CODE_REUSED' | 'MFA_RECOVERY_CODE_INVALID',
  ): Promise<never> {
    const failure = await this.throttle.recordFailure(key, this.now());
    const locked = failure.lockedForSeconds > 0;
    await this.audit.record({
      actor,
      action,
      entityType: 'user',
      entityId: account.id,
      entityLabel: account.username,
      outcome: 'FAILURE',
      ip: ctx.ip,
      details: { reason: code, locked },
    });
    if (locked) throw new TooManyAttemptsError(failure.lockedForSeconds);
    throw ValidationError.field(
      field,
      code,
      code === 'MFA_CODE_REUSED' ? 'this code was used already; wait for the next one' : 'the code is wrong',
    );
  }
}

/** A recovery code such as `k7m2q-x9dfa`: 50 random bits, typed back with or without the dash. */
function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Recovery codes are random, so a fast hash is as safe as for session tokens; case, spaces and dashes do not matter. */
function recoveryHash(code: string): string {
  return hashSecret(code.toLowerCase().replace(/[\s-]/g, ''));
}
