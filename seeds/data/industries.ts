// Industry categories of the 2021 work plan: hazardous chemicals (百家危化企业), the port area,
// key industrial and trade enterprises (千家重点工贸企业) by sector, logistics and construction.

export const INDUSTRIES = [
  { code: 'HAZCHEM-PROD', name: '危险化学品生产', hazardous: true },
  { code: 'HAZCHEM-STORE', name: '危险化学品经营储存', hazardous: true },
  { code: 'PORT', name: '港区', hazardous: false },
  { code: 'METAL', name: '冶金有色', hazardous: false },
  { code: 'MACHINERY', name: '机械制造', hazardous: false },
  { code: 'BUILDING-MAT', name: '建材', hazardous: false },
  { code: 'LIGHT-TEXTILE', name: '轻工纺织', hazardous: false },
  { code: 'TRADE', name: '商贸', hazardous: false },
  { code: 'LOGISTICS', name: '仓储物流', hazardous: false },
  { code: 'CONSTRUCTION', name: '建筑施工', hazardous: false },
] as const;

export type IndustryCode = (typeof INDUSTRIES)[number]['code'];
