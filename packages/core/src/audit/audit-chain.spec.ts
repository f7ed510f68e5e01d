import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, AuditChainVerifier, auditRowHash, canonicalJson, sm3Hex, type ChainedAuditRow } from './audit-chain.ts';

function chain(count: number, anchor: string = AUDIT_GENESIS_HASH): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  let prev = anchor;
  for (let i = 1; i <= count; i++) {
    const content = {
      id: String(i),
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorId: null,
      actorRole: 'ADMIN',
      actorName: 'admin',
      action: 'user.update',
      entityType: 'user',
      entityId: `u${i}`,
      enterpriseId: null,
      outcome: 'SUCCESS',
      ip: '127.0.0.1',
      userAgent: 'test',
      details: { label: '王强', changes: { active: { from: true, to: false } } },
    };
    const hash = auditRowHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: ChainedAuditRow[], anchor: string | null = null) {
  const verifier = new AuditChainVerifier(anchor);
  for (const row of rows) {
    const broken = verifier.push(row);
    if (broken) return broken;
  }
  return { ok: verifier.chained };
}

describe('SM3', () => {
  it('gives the GB/T 32905 test vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, so jsonb key order does not change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('AuditChainVerifier', () => {
  it('accepts an intact chain', () => {
    expect(verify(chain(5))).toEqual({ ok: 5 });
  });

  it('finds an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, outcome: 'DENIED' };
    expect(verify(rows)).toEqual({ id: '3', reason: 'HASH_MISMATCH' });
  });

  it('finds a deleted row at the row after it', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(verify(rows)).toEqual({ id: '4', reason: 'PREV_MISMATCH' });
  });

  it('finds a row inserted without a hash after the chain started', () => {
    const rows = chain(3);
    rows.splice(1, 0, { ...rows[0]!, id: '1a', prevHash: null, hash: null });
    expect(verify(rows)).toEqual({ id: '1a', reason: 'MISSING_HASH' });
  });

  it('starts from a purge anchor, and refuses the chain without it', () => {
    const anchor = sm3Hex('purged');
    expect(verify(chain(3, anchor), anchor)).toEqual({ ok: 3 });
    expect(verify(chain(3, anchor))).toEqual({ id: '1', reason: 'PREV_MISMATCH' });
  });

  it('allows rows written before the chain existed only before it starts', () => {
    const legacy = { ...chain(1)[0]!, id: '0', prevHash: null, hash: null };
    const verifier = new AuditChainVerifier(null);
    expect(verifier.push(legacy)).toBeNull();
    for (const row of chain(2)) expect(verifier.push(row)).toBeNull();
    expect([verifier.unchained, verifier.chained]).toEqual([1, 2]);
  });
});
