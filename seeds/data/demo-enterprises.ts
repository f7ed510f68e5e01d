import { creditCodeCheckCharacter, organisationCodeCheckCharacter } from '@platform/core';
import type { IndustryCode } from './industries.ts';

// Fictional demo enterprises: names, people and phone numbers are invented; credit codes are
// well-formed (Binhai division 120116, valid check characters) but belong to nobody.

export interface DemoEnterprise {
  name: string;
  creditCode: string;
  zoneCode: string;
  industryCode: IndustryCode;
  riskLevel: 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';
  address: string;
  latitude: number;
  longitude: number;
  contactName: string;
  contactPhone: string;
  /** Round-the-clock plants run three shifts; others one day shift on weekdays. */
  shiftPattern: 'three' | 'day';
}

/** A valid credit code for the n-th demo enterprise. */
export function demoCreditCode(n: number): string {
  const org8 = `MA0${String(7000 + n).padStart(5, '0')}`;
  const first17 = `91120116${org8}${organisationCodeCheckCharacter(org8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const SPECS: [string, string, IndustryCode, DemoEnterprise['riskLevel']][] = [
  ['天津渤化永泰精细化工有限公司', 'TEDA', 'HAZCHEM-PROD', 'RED'],
  ['天津港盛达危险品物流有限公司', 'DAGANG', 'HAZCHEM-STORE', 'ORANGE'],
  ['天津海晶新材料科技有限公司', 'TEDA', 'HAZCHEM-PROD', 'ORANGE'],
  ['天津临港恒泰化工有限公司', 'TJFTZ', 'HAZCHEM-PROD', 'RED'],
  ['天津大港石化储运有限公司', 'DAGANG', 'HAZCHEM-STORE', 'RED'],
  ['天津古林润滑油有限公司', 'GULIN', 'HAZCHEM-PROD', 'ORANGE'],
  ['天津海滨氯碱化工有限公司', 'HAIBIN', 'HAZCHEM-PROD', 'RED'],
  ['天津汉沽盐化有限公司', 'HANGU', 'HAZCHEM-PROD', 'ORANGE'],
  ['天津新港集装箱码头有限公司', 'XINGANG', 'PORT', 'ORANGE'],
  ['天津东疆港联散货码头有限公司', 'DONGJIANG', 'PORT', 'YELLOW'],
  ['天津北塘港口服务有限公司', 'BEITANG', 'PORT', 'YELLOW'],
  ['天津港航滚装码头有限公司', 'DONGJIANG', 'PORT', 'ORANGE'],
  ['天津新河船舶修造有限公司', 'XINHE', 'PORT', 'YELLOW'],
  ['天津滨海钢管制造有限公司', 'TJFTZ', 'METAL', 'ORANGE'],
  ['天津大沽铝业有限公司', 'DAGU', 'METAL', 'ORANGE'],
  ['天津茶淀铸造有限公司', 'CHADIAN', 'METAL', 'YELLOW'],
  ['天津泰达精密机械有限公司', 'TEDA', 'MACHINERY', 'YELLOW'],
  ['天津高新智能装备有限公司', 'THT', 'MACHINERY', 'BLUE'],
  ['天津胡家园重工机械有限公司', 'HUJIAYUAN', 'MACHINERY', 'YELLOW'],
  ['天津杭州道汽车零部件有限公司', 'HANGZHOUDAO', 'MACHINERY', 'BLUE'],
  ['天津新北水泥制品有限公司', 'XINBEI', 'BUILDING-MAT', 'YELLOW'],
  ['天津寨上玻璃有限公司', 'ZHAISHANG', 'BUILDING-MAT', 'YELLOW'],
  ['天津中塘建材有限公司', 'ZHONGTANG', 'BUILDING-MAT', 'BLUE'],
  ['天津太平粮油食品有限公司', 'TAIPING', 'LIGHT-TEXTILE', 'YELLOW'],
  ['天津小王庄纺织有限公司', 'XIAOWANGZHUANG', 'LIGHT-TEXTILE', 'BLUE'],
  ['天津生态城食品科技有限公司', 'ECOCITY', 'LIGHT-TEXTILE', 'BLUE'],
  ['天津新村印刷包装有限公司', 'XINCUN', 'LIGHT-TEXTILE', 'BLUE'],
  ['天津向阳商贸中心有限公司', 'XIANGYANG', 'TRADE', 'BLUE'],
  ['天津解放路商业广场有限公司', 'JIEFANGLU', 'TRADE', 'YELLOW'],
  ['天津泰达商业管理有限公司', 'TAIDA', 'TRADE', 'BLUE'],
  ['天津保税区冷链物流有限公司', 'TJFTZ', 'LOGISTICS', 'YELLOW'],
  ['天津港保仓储有限公司', 'XINGANG', 'LOGISTICS', 'ORANGE'],
  ['天津新城物流园有限公司', 'XINCHENG', 'LOGISTICS', 'YELLOW'],
  ['天津杨家泊仓储服务有限公司', 'YANGJIABO', 'LOGISTICS', 'BLUE'],
  ['天津东疆国际物流有限公司', 'DONGJIANG', 'LOGISTICS', 'YELLOW'],
  ['天津滨海建工集团有限公司', 'TEDA', 'CONSTRUCTION', 'ORANGE'],
  ['天津生态城建设工程有限公司', 'ECOCITY', 'CONSTRUCTION', 'YELLOW'],
  ['天津高新区市政工程有限公司', 'THT', 'CONSTRUCTION', 'YELLOW'],
  ['天津大港路桥工程有限公司', 'DAGANG', 'CONSTRUCTION', 'ORANGE'],
  ['天津汉沽钢结构工程有限公司', 'HANGU', 'CONSTRUCTION', 'YELLOW'],
  ['天津北塘渔港冷藏有限公司', 'BEITANG', 'LOGISTICS', 'BLUE'],
  ['天津泰达电子材料有限公司', 'TEDA', 'HAZCHEM-STORE', 'ORANGE'],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建国',
  '海燕',
  '志强',
  '春梅',
];

/** A deterministic fictional person's name. */
export function demoPersonName(n: number): string {
  return SURNAMES[n % SURNAMES.length]! + GIVEN[(n * 7 + 3) % GIVEN.length]!;
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = SPECS.map(([name, zoneCode, industryCode, riskLevel], i) => ({
  name,
  creditCode: demoCreditCode(i + 1),
  zoneCode,
  industryCode,
  riskLevel,
  address: `天津市滨海新区${name.replace(/^天津/, '').slice(0, 4)}路${(i % 90) + 10}号`,
  // Spread around Binhai New Area (about 39.0°N, 117.7°E).
  latitude: Number((38.75 + ((i * 37) % 60) / 100).toFixed(6)),
  longitude: Number((117.45 + ((i * 53) % 45) / 100).toFixed(6)),
  contactName: demoPersonName(i),
  contactPhone: `022-2${String(5000000 + i * 1371).slice(0, 7)}`,
  shiftPattern: ['HAZCHEM-PROD', 'HAZCHEM-STORE', 'PORT', 'METAL', 'LOGISTICS'].includes(industryCode) ? 'three' : 'day',
}));
