import { AUDIT_ACTIONS } from '@platform/contracts';
import { describe, expect, it } from 'vitest';
import { auditZhCN } from './audit.zh-CN.ts';

describe('zh-CN audit catalogue', () => {
  it('labels every action the server can record, in Chinese, and nothing else', () => {
    const labels = auditZhCN.actions as Record<string, string>;
    expect(Object.keys(labels).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const action of AUDIT_ACTIONS) {
      expect(labels[action], action).toMatch(/[\u4e00-\u9fff]/);
      expect(labels[action], action).not.toMatch(/[A-Za-z]/);
    }
  });

  it('gives each action a distinct label, so two actions never read the same', () => {
    const values = Object.values(auditZhCN.actions);
    expect(new Set(values).size).toBe(values.length);
  });
});
