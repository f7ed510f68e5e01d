import { createHash } from 'node:crypto';

/** The `prevHash` of the first row of a chain that starts with no purge anchor (or after unchained rows). */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * Key of the transaction-scoped advisory lock that serialises audit inserts (and the retention
 * purge, in SQL), so every row's `prevHash` is the hash of the row before it, across requests and
 * API replicas. The migration's `audit_purge_expired` function uses the same number.
 */
export const AUDIT_CHAIN_LOCK_KEY = 72707370;

/** The fields of an audit row that its hash covers: everything but the hashes themselves. */
export interface AuditRowContent {
  id: string;
  /** ISO 8601, milliseconds, UTC. */
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  enterpriseId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** A stored row as the verifier reads it. */
export interface ChainedAuditRow extends AuditRowContent {
  prevHash: string | null;
  hash: string | null;
}

/**
 * JSON with object keys sorted at every level and `undefined` dropped, so the same content gives the
 * same text whichever order PostgreSQL's jsonb hands the keys back in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value ?? null)) as unknown));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(source)
        .sort()
        .map((k) => [k, sortKeys(source[k])]),
    );
  }
  return value;
}

/** SM3 (GB/T 32905, the national standard hash) of a UTF-8 string, as 64 hex digits. OpenSSL's, via node:crypto. */
export function sm3Hex(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

/** A row's hash: SM3 of the previous row's hash followed by the canonical JSON of the row's content. */
export function auditRowHash(prevHash: string, content: AuditRowContent): string {
  const { id, at, actorId, actorRole, actorName, action, entityType, entityId, enterpriseId, outcome, ip, userAgent, details } = content;
  const fields = { id, at, actorId, actorRole, actorName, action, entityType, entityId, enterpriseId, outcome, ip, userAgent, details };
  return sm3Hex(prevHash + canonicalJson(fields));
}

/** Why verification stopped at a row. */
export type ChainBreakReason =
  /** The row's content no longer matches its hash: it was edited (or forged without the right hash). */
  | 'HASH_MISMATCH'
  /** The row does not follow the one before it: a row was deleted or inserted in between. */
  | 'PREV_MISMATCH'
  /** A row without a hash after the chain started: inserted around the application. */
  | 'MISSING_HASH';

export interface ChainBreak {
  id: string;
  reason: ChainBreakReason;
}

/**
 * Checks rows one at a time in id order, so a long log is verified in batches without holding it
 * all. Rows written before the chain existed (no hash) are allowed only before the first chained
 * row, and counted as `unchained`.
 */
export class AuditChainVerifier {
  /** Rows checked against their hash. */
  chained = 0;
  unchained = 0;
  /** The hash of the newest row checked: note it to detect later removal of rows at the end. */
  head: string;
  private started = false;
  private previousWasUnchained = false;

  /** `anchorHash`: the last purged row's hash when retention removed the start of the log. */
  constructor(anchorHash: string | null) {
    this.head = anchorHash ?? AUDIT_GENESIS_HASH;
  }

  /** Checks the next row; returns the break, or null when the row is sound. */
  push(row: ChainedAuditRow): ChainBreak | null {
    if (row.hash === null) {
      if (this.started) return { id: row.id, reason: 'MISSING_HASH' };
      this.unchained++;
      this.previousWasUnchained = true;
      return null;
    }
    const expectedPrev = this.previousWasUnchained ? AUDIT_GENESIS_HASH : this.head;
    if (row.prevHash !== expectedPrev) return { id: row.id, reason: 'PREV_MISMATCH' };
    if (auditRowHash(expectedPrev, row) !== row.hash) return { id: row.id, reason: 'HASH_MISMATCH' };
    this.started = true;
    this.previousWasUnchained = false;
    this.head = row.hash;
    this.chained++;
    return null;
  }
}
