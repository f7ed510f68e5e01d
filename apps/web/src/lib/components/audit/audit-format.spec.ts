import { describe, expect, it } from 'vitest';
import { actionLabel, changeLines, detailLines, entityText } from './audit-format.ts';

describe('audit viewer formatting', () => {
  it('shows changes as 字段: 旧值 → 新值 in Chinese, roles and yes/no included', () => {
    expect(
      changeLines({
        changes: {
          role: { from: 'WORKER', to: 'ENTERPRISE_OFFICER' },
          active: { from: true, to: false },
          phone: { from: '138****5678', to: null },
        },
      }),
    ).toEqual(['角色: 职工 → 企业安全员', '状态: 是 → 否', '手机号: 138****5678 → （空）']);
  });

  it('names actions and objects in Chinese instead of codes and UUIDs', () => {
    expect(actionLabel('user.deactivate')).toBe('停用账号');
    expect(actionLabel('brand.new')).toBe('其他动作（brand.new）');
    expect(entityText({ entityType: 'enterprise', entityLabel: '滨海化工', entityId: '0190f0e0-aaaa-7000-8000-000000000000' })).toBe(
      '企业 · 滨海化工',
    );
    expect(entityText({ entityType: 'user', entityLabel: null, entityId: '0190f0e0-aaaa-7000-8000-000000000000' })).toBe(
      '账号 · #0190f0e0',
    );
    expect(detailLines({ reason: 'locked', passwordChanged: false })).toEqual(['原因: locked', '密码已重置: 否']);
    expect(detailLines({ reason: 'ADMINISTRATOR_ACCOUNT_RESERVED' })).toEqual([
      '原因: 管理员账号（系统、安全、审计管理员）只能由安全管理员创建和修改。',
    ]);
  });
});
