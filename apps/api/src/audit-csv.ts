import type { AuditEntry, Role } from '@platform/contracts';

// The CSV is a document for people (opened in Excel by the audit administrator), so its headings
// are Chinese; action codes stay as codes beside the object, so rows can be filtered exactly.
const HEADER = [
  '编号',
  '时间',
  '操作人',
  '用户名',
  '角色',
  '动作',
  '对象类型',
  '对象',
  '对象编号',
  '结果',
  'IP 地址',
  '浏览器',
  '变更',
  '详情',
];
const OUTCOMES: Record<AuditEntry['outcome'], string> = { SUCCESS: '成功', DENIED: '拒绝', FAILURE: '失败' };
const ROLES: Record<Role, string> = {
  ADMIN: '系统管理员',
  SECURITY_ADMIN: '安全管理员',
  AUDIT_ADMIN: '审计管理员',
  INSPECTOR: '执法人员',
  ZONE_OFFICER: '园区/街镇监管人员',
  COMMAND_OPERATOR: '指挥中心值班员',
  ENTERPRISE_OFFICER: '企业安全员',
  WORKER: '职工',
};

/** Excel reads a UTF-8 file as UTF-8 (and shows Chinese) only with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180 quoting). A value Excel would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe: audit rows hold text typed by anyone, e.g. a failed login's user name.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(fields: unknown[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Shanghai wall-clock time, as the people reading the file live by it. */
function localTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 23);
}

/** The CSV text, BOM and heading first, one chunk per row, for streaming. */
export async function* auditCsv(entries: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  yield CSV_BOM + line(HEADER);
  for await (const e of entries) {
    const changes = e.changes
      ? Object.entries(e.changes)
          .map(([field, c]) => `${field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`)
          .join('; ')
      : null;
    yield line([
      e.id,
      localTime(e.at),
      e.actorDisplayName,
      e.actorName,
      e.actorRole ? ROLES[e.actorRole] : null,
      e.action,
      e.entityType,
      e.entityLabel,
      e.entityId,
      OUTCOMES[e.outcome],
      e.ip,
      e.userAgent,
      changes,
      e.details,
    ]);
  }
}
