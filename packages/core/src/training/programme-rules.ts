// The rules of the 百千万 programme as pure functions: which tier an enterprise may join, what a
// valid programme period is, and how the dashboard's zone × industry rows add up.
import type { ProgrammeCategory, ProgrammeDashboard, ProgrammeFigures, ProgrammeInput } from '@platform/contracts';
import type { FieldIssue } from '../errors/index.ts';
import type { Cell } from '../exports/table.ts';
import type { FigureRow } from './programme.port.ts';

/** Longest programme period accepted: a drive of several years (the seeded one runs 2021–2027), not an open end. */
export const MAX_PROGRAMME_DAYS = 10 * 366;

/** An enterprise counts as active when a worker of it learned within this many days. */
export const ACTIVE_DAYS = 30;

/**
 * The tier an enterprise of this industry belongs to. The 百 target counts hazardous-chemical
 * enterprises (industries flagged `hazardous`) and the 千 target key industrial and trade ones;
 * letting either tier take the other kind would let the wrong enterprises fill a target, so the
 * tier follows the industry and a mismatch is refused rather than warned about.
 */
export function tierOfIndustry(industry: { hazardous: boolean }): ProgrammeCategory {
  return industry.hazardous ? 'HAZARDOUS_CHEMICAL' : 'KEY_INDUSTRIAL';
}

/** Why an enterprise may not join `category`, as a field issue at `field`; null when it may. */
export function tierIssue(
  category: ProgrammeCategory,
  enterprise: { active: boolean; industry: { name: string; hazardous: boolean } },
  field: string,
): FieldIssue | null {
  if (!enterprise.active) return { field, code: 'PROGRAMME_ENTERPRISE_INACTIVE', message: 'the enterprise is deactivated' };
  if (tierOfIndustry(enterprise.industry) === category) return null;
  return category === 'HAZARDOUS_CHEMICAL'
    ? {
        field,
        code: 'PROGRAMME_TIER_NEEDS_HAZARDOUS',
        params: { industry: enterprise.industry.name },
        message: 'the hazardous-chemical tier takes enterprises of hazardous-chemical industries only',
      }
    : {
        field,
        code: 'PROGRAMME_TIER_NOT_FOR_HAZARDOUS',
        params: { industry: enterprise.industry.name },
        message: 'an enterprise of a hazardous-chemical industry belongs to the hazardous-chemical tier',
      };
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The problems of a programme's period and year that the schema cannot see. */
export function programmeInputIssues(input: Pick<ProgrammeInput, 'year' | 'startsOn' | 'endsOn'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const days = dayNumber(input.endsOn) - dayNumber(input.startsOn);
  if (days < 0) issues.push({ field: 'endsOn', code: 'RANGE_REVERSED', message: 'must not be before startsOn' });
  else if (days + 1 > MAX_PROGRAMME_DAYS)
    issues.push({
      field: 'endsOn',
      code: 'RANGE_TOO_LONG',
      params: { days: MAX_PROGRAMME_DAYS },
      message: `the period may last at most ${MAX_PROGRAMME_DAYS} days`,
    });
  const [from, to] = [Number(input.startsOn.slice(0, 4)), Number(input.endsOn.slice(0, 4))];
  if (days >= 0 && (input.year < from || input.year > to))
    issues.push({
      field: 'year',
      code: 'PROGRAMME_YEAR_OUTSIDE_PERIOD',
      params: { year: input.year },
      message: 'must be a year within startsOn..endsOn',
    });
  return issues;
}

/** All-zero figures. */
export function zeroFigures(): ProgrammeFigures {
  return {
    hazardousEnrolled: 0,
    hazardousActive: 0,
    hazardousComplete: 0,
    keyEnrolled: 0,
    keyActive: 0,
    keyComplete: 0,
    workers: 0,
    workersEnrolled: 0,
    workersTrained: 0,
    workersCertified: 0,
  };
}

const FIGURE_KEYS = Object.keys(zeroFigures()) as (keyof ProgrammeFigures)[];

/** The sum of figure sets (each enterprise is in exactly one zone × industry row, so sums never double count). */
export function addFigures(a: ProgrammeFigures, b: ProgrammeFigures): ProgrammeFigures {
  const sum = zeroFigures();
  for (const k of FIGURE_KEYS) sum[k] = a[k] + b[k];
  return sum;
}

/** Rows summed by one of their keys and named, sorted by name in Chinese order. */
export function figuresBy(
  rows: FigureRow[],
  key: 'zoneId' | 'industryId',
  names: Map<string, string>,
): (ProgrammeFigures & { id: string; name: string })[] {
  const groups = new Map<string, ProgrammeFigures>();
  for (const row of rows) groups.set(row[key], addFigures(groups.get(row[key]) ?? zeroFigures(), row));
  return [...groups.entries()]
    .map(([id, figures]) => ({ id, name: names.get(id) ?? '', ...figures }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Column headings of the dashboard export, in the order of {@link dashboardCells}. */
export const PROGRAMME_COLUMNS = [
  '分组',
  '名称',
  '百家危化·纳入企业',
  '百家危化·活跃企业',
  '百家危化·完成企业',
  '千家工贸·纳入企业',
  '千家工贸·活跃企业',
  '千家工贸·完成企业',
  '职工人数',
  '已报名职工',
  '已培训职工',
  '持有效证书职工',
];

function cells(group: string, name: string, f: ProgrammeFigures): Cell[] {
  return [
    group,
    name,
    f.hazardousEnrolled,
    f.hazardousActive,
    f.hazardousComplete,
    f.keyEnrolled,
    f.keyActive,
    f.keyComplete,
    f.workers,
    f.workersEnrolled,
    f.workersTrained,
    f.workersCertified,
  ];
}

/** The export's rows: the targets, the totals, then each zone and each industry. */
export function dashboardCells(dashboard: ProgrammeDashboard): Cell[][] {
  const { targets } = dashboard.programme;
  const target: Cell[] = ['目标', dashboard.programme.name, targets.hazardousEnterprises, null, null, targets.keyEnterprises];
  target.push(null, null, null, null, targets.workers, null);
  return [
    target,
    cells('合计', '全部', dashboard.totals),
    ...dashboard.byZone.map((z) => cells('区域', z.name, z)),
    ...dashboard.byIndustry.map((i) => cells('行业', i.name, i)),
  ];
}
