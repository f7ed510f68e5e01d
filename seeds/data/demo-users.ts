/** The published demo password; demo users exist only when demo seeding is on. */
export const DEMO_PASSWORD = 'Demo@2021';

/**
 * Demo accounts. officer1's enterprise (index 0) is in TEDA, officer2's (index 1) in 大港街道,
 * so the two are in different zones; zone1 supervises TEDA. worker4 is officer2's, the others officer1's.
 */
export const DEMO_USERS = [
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN' },
  { username: 'secadmin', displayName: '安全管理员', role: 'SECURITY_ADMIN' },
  { username: 'auditor', displayName: '审计管理员', role: 'AUDIT_ADMIN' },
  { username: 'inspector', displayName: '执法人员 张检', role: 'INSPECTOR' },
  { username: 'command', displayName: '指挥中心值班员', role: 'COMMAND_OPERATOR' },
  { username: 'zone1', displayName: '经开区应急管理局 李工', role: 'ZONE_OFFICER', zoneCode: 'TEDA' },
  { username: 'officer1', displayName: '安全员 王强', role: 'ENTERPRISE_OFFICER', enterpriseIndex: 0 },
  { username: 'officer2', displayName: '安全员 陈静', role: 'ENTERPRISE_OFFICER', enterpriseIndex: 1 },
  // Workers carry the phone and 居民身份证号 that training records name (fictional; valid check digits).
  {
    username: 'worker1',
    displayName: '职工 刘洋',
    role: 'WORKER',
    enterpriseIndex: 0,
    phone: '13920160101',
    idNumber: demoIdNumber('19900315', 11),
  },
  {
    username: 'worker2',
    displayName: '职工 赵磊',
    role: 'WORKER',
    enterpriseIndex: 0,
    phone: '13920160102',
    idNumber: demoIdNumber('19880722', 23),
  },
  {
    username: 'worker3',
    displayName: '职工 孙海燕',
    role: 'WORKER',
    enterpriseIndex: 0,
    phone: '13920160103',
    idNumber: demoIdNumber('19950108', 42),
  },
  {
    username: 'worker4',
    displayName: '职工 马超',
    role: 'WORKER',
    enterpriseIndex: 1,
    phone: '13920160104',
    idNumber: demoIdNumber('19861130', 57),
  },
] as const;

/**
 * A well-formed 18-character 居民身份证号 of a fictional person born in 滨海新区 (division 120116):
 * GB 11643 check character over the first 17 digits.
 */
export function demoIdNumber(birthDate: string, sequence: number): string {
  const first17 = `120116${birthDate}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}
