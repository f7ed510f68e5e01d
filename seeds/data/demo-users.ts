/** The published demo password; demo users exist only when demo seeding is on. */
export const DEMO_PASSWORD = 'Demo@2021';

/**
 * Demo accounts. officer1's enterprise (index 0) is in TEDA, officer2's (index 1) in 大港街道,
 * so the two are in different zones; zone1 supervises TEDA.
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
  { username: 'worker1', displayName: '职工 刘洋', role: 'WORKER', enterpriseIndex: 0 },
] as const;
