// Binhai New Area (天津市滨海新区): its functional zones, which run their own emergency
// management bureaus, and the streets and towns of the 2021 administrative division
// (code 120116). Codes are ours, stable so that seeding stays idempotent.

export const ZONES = [
  { code: 'TEDA', name: '天津经济技术开发区', kind: 'DEVELOPMENT_ZONE' },
  { code: 'TJFTZ', name: '天津港保税区', kind: 'DEVELOPMENT_ZONE' },
  { code: 'THT', name: '天津滨海高新技术产业开发区', kind: 'DEVELOPMENT_ZONE' },
  { code: 'DONGJIANG', name: '东疆综合保税区', kind: 'DEVELOPMENT_ZONE' },
  { code: 'ECOCITY', name: '中新天津生态城', kind: 'DEVELOPMENT_ZONE' },
  { code: 'XINCUN', name: '新村街道', kind: 'STREET' },
  { code: 'XINHE', name: '新河街道', kind: 'STREET' },
  { code: 'DAGU', name: '大沽街道', kind: 'STREET' },
  { code: 'XINBEI', name: '新北街道', kind: 'STREET' },
  { code: 'BEITANG', name: '北塘街道', kind: 'STREET' },
  { code: 'HUJIAYUAN', name: '胡家园街道', kind: 'STREET' },
  { code: 'HANGZHOUDAO', name: '杭州道街道', kind: 'STREET' },
  { code: 'XINGANG', name: '新港街道', kind: 'STREET' },
  { code: 'XIANGYANG', name: '向阳街道', kind: 'STREET' },
  { code: 'JIEFANGLU', name: '解放路街道', kind: 'STREET' },
  { code: 'TAIDA', name: '泰达街道', kind: 'STREET' },
  { code: 'HANGU', name: '汉沽街道', kind: 'STREET' },
  { code: 'ZHAISHANG', name: '寨上街道', kind: 'STREET' },
  { code: 'CHADIAN', name: '茶淀街道', kind: 'STREET' },
  { code: 'DAGANG', name: '大港街道', kind: 'STREET' },
  { code: 'GULIN', name: '古林街道', kind: 'STREET' },
  { code: 'HAIBIN', name: '海滨街道', kind: 'STREET' },
  { code: 'XINCHENG', name: '新城镇', kind: 'TOWN' },
  { code: 'YANGJIABO', name: '杨家泊镇', kind: 'TOWN' },
  { code: 'TAIPING', name: '太平镇', kind: 'TOWN' },
  { code: 'XIAOWANGZHUANG', name: '小王庄镇', kind: 'TOWN' },
  { code: 'ZHONGTANG', name: '中塘镇', kind: 'TOWN' },
] as const;
