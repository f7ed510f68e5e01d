import { hashSecret } from '@platform/core';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { Platform } from '../../apps/api/src/platform.ts';

const PERIOD = 30;

/**
 * Completes the second factor of a privileged user's fresh session for `t.login`, the way a user
 * would: enrol through the API on the first login (remembering the secret), then a TOTP code on
 * later ones. The API refuses a code whose time step was used already, and accepts only the
 * previous, current and next step, so at most two logins of one user in 30 s use a real code (the
 * current and next step); beyond that (tests that log in often) the session is marked complete in the database. The
 * MFA routes themselves are tested in mfa.test.ts, not through this helper.
 */
export class TestMfa {
  readonly #secrets = new Map<string, string>();
  readonly #lastStep = new Map<string, number>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly platform: Platform,
  ) {}

  /** The TOTP secret this helper enrolled for `username`, if it did. */
  secretOf(username: string): string | undefined {
    return this.#secrets.get(username);
  }

  async complete(username: string, cookie: string, step: string | null): Promise<void> {
    if (step === 'MFA_ENROLMENT') {
      const enrolment = await this.post('/api/auth/mfa/enrolment', cookie);
      const { secret } = enrolment.json() as { secret: string };
      this.#secrets.set(username, secret);
      const activated = await this.post('/api/auth/mfa/activate', cookie, { code: await this.nextCode(username, secret) });
      if (activated.statusCode !== 200) throw new Error(`MFA activation of ${username} failed: ${activated.body}`);
    } else if (step === 'MFA') {
      const secret = this.#secrets.get(username);
      const code = secret ? await this.nextCode(username, secret) : null;
      const verified = code ? await this.post('/api/auth/mfa/verify', cookie, { code }) : null;
      if (verified?.statusCode !== 200) await this.markComplete(cookie);
    }
  }

  /** A code for the earliest unused step from now on that the API still accepts, or null when both are used. */
  private async nextCode(username: string, secret: string): Promise<string | null> {
    // The services' clock, which tests may fix: codes must be for the time the API checks them at.
    const current = Math.floor(this.platform.now().getTime() / 1000 / PERIOD);
    // The current step first, not the previous one: a previous step's code goes stale if a step
    // boundary passes before the API checks it (a loaded machine, a slow request).
    const step = Math.max(current, (this.#lastStep.get(username) ?? -Infinity) + 1);
    if (step > current + 1) return null;
    this.#lastStep.set(username, step);
    return generate({ secret, epoch: step * PERIOD });
  }

  private post(url: string, cookie: string, payload?: object) {
    return this.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  }

  private async markComplete(cookie: string): Promise<void> {
    const token = cookie.slice(cookie.indexOf('=') + 1);
    await this.platform.prisma.session.updateMany({ where: { tokenHash: hashSecret(token) }, data: { mfaPending: false } });
  }
}
