import { randomInt } from 'node:crypto';
import type { CertificateVerification, MyCertificate } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError } from '../errors/index.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import type { CertificateRecord, CourseProgressRecord, LearningRepository } from './learning.port.ts';
import type { LearningPolicy } from './learning-policy.ts';

// Without 0/O and 1/I/L: a code read off paper and typed in must not be ambiguous.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;

/** A random verification code: 12 characters of 31, about 59 bits, not guessable by trying. */
export function verificationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A name for strangers: the surname and the last character, the middle hidden (张*明, 李*). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

export function certificateStatus(record: Pick<CertificateRecord, 'revokedAt' | 'validUntil'>, now: Date): 'VALID' | 'EXPIRED' | 'REVOKED' {
  if (record.revokedAt) return 'REVOKED';
  return record.validUntil.getTime() < now.getTime() ? 'EXPIRED' : 'VALID';
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** Issues certificates on completion, shows a learner theirs, and answers public verification. */
export class CertificateIssuer {
  constructor(
    private readonly repo: LearningRepository,
    private readonly audit: AuditRepository,
    private readonly policy: LearningPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The enrolment's certificate, issued now unless it has one already. */
  async issue(record: CourseProgressRecord, at: Date, actor: Actor): Promise<{ id: string }> {
    const certificate = await this.repo.issueCertificate({
      enrolmentId: record.enrolment.id,
      userId: record.enrolment.userId,
      courseId: record.course.id,
      serialPrefix: `${this.policy.certificateSerialPrefix}-${at.getUTCFullYear()}`,
      verificationCode: verificationCode(),
      issuedAt: at,
      validUntil: addMonths(at, record.course.certificateValidMonths),
    });
    if (certificate.created) {
      await this.audit.record({
        actor,
        action: 'certificate.issue',
        entityType: 'certificate',
        entityId: certificate.id,
        entityLabel: record.course.title,
        enterpriseId: record.enrolment.enterpriseId,
        outcome: 'SUCCESS',
      });
    }
    return certificate;
  }

  async listOwn(actor: Actor): Promise<MyCertificate[]> {
    if (!actor.userId) return [];
    return (await this.repo.listCertificates(actor.userId)).map((c) => this.view(c));
  }

  async getOwn(actor: Actor, id: string): Promise<MyCertificate> {
    const record = await this.repo.findCertificate(id);
    if (!record || record.userId !== actor.userId) throw new NotFoundError('certificate', id);
    return this.view(record);
  }

  /** Public: what the QR code on a certificate leads to. The name is partly masked, nothing else personal. */
  async verify(code: string): Promise<CertificateVerification> {
    const record = await this.repo.findCertificateByCode(code.toUpperCase());
    if (!record) throw new NotFoundError('certificate');
    return {
      serialNo: record.serialNo,
      holderName: maskName(record.holderName),
      courseTitle: record.courseTitle,
      issuedAt: record.issuedAt.toISOString(),
      validUntil: record.validUntil.toISOString(),
      status: certificateStatus(record, this.now()),
      issuer: this.policy.certificateIssuer,
    };
  }

  private view(record: CertificateRecord): MyCertificate {
    return {
      id: record.id,
      serialNo: record.serialNo,
      verificationCode: record.verificationCode,
      holderName: record.holderName,
      holderIdNumber: maskIdNumber(record.holderIdNumber),
      enterpriseName: record.enterpriseName,
      courseTitle: record.courseTitle,
      courseCode: record.courseCode,
      issuedAt: record.issuedAt.toISOString(),
      validUntil: record.validUntil.toISOString(),
      status: certificateStatus(record, this.now()),
      issuer: this.policy.certificateIssuer,
    };
  }
}
