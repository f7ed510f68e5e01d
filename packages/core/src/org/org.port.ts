import type {
  Enterprise,
  EnterpriseInput,
  EnterpriseQuery,
  Industry,
  Page,
  Shift,
  Team,
  TeamInput,
  User,
  UserQuery,
  Zone,
  ZoneInput,
} from '@platform/contracts';
import type { EnterpriseScope } from '../access/actor.ts';

/** A shift as stored: wall-clock minutes from midnight. */
export interface ShiftRecord {
  name: string;
  startMinute: number;
  endMinute: number;
  overnight: boolean;
  daysOfWeek: number[];
  meetingWindowBefore: number;
  meetingWindowAfter: number;
}

export interface ZoneRepository {
  list(): Promise<Zone[]>;
  findById(id: string): Promise<Zone | null>;
  create(input: ZoneInput): Promise<Zone>;
  update(id: string, input: ZoneInput): Promise<Zone>;
  /** Field that already holds `value` in another zone, if any. */
  findClash(input: ZoneInput, exceptId?: string): Promise<'code' | 'name' | null>;
}

export interface IndustryRepository {
  list(): Promise<Industry[]>;
  exists(id: string): Promise<boolean>;
}

export interface EnterpriseRepository {
  list(scope: EnterpriseScope, query: EnterpriseQuery): Promise<Page<Enterprise>>;
  /** The enterprise with its zone id, for scope checks. */
  findById(id: string): Promise<(Enterprise & { zoneId: string }) | null>;
  findIdByCreditCode(creditCode: string): Promise<string | null>;
  create(input: EnterpriseInput): Promise<Enterprise>;
  update(id: string, input: EnterpriseInput): Promise<Enterprise>;
}

/** A team as stored: each roster member with the account it belongs to, so a worker can be shown their own record. */
export type TeamRecord = Omit<Team, 'members'> & { members: (Team['members'][number] & { userId: string | null })[] };

export interface TeamRepository {
  listByEnterprise(enterpriseId: string): Promise<TeamRecord[]>;
  findById(id: string): Promise<TeamRecord | null>;
  findIdByName(enterpriseId: string, name: string): Promise<string | null>;
  /** Creates or replaces the team, its roster (members not listed are deactivated) and its shifts. */
  save(enterpriseId: string, input: TeamInput, id?: string): Promise<TeamRecord>;
}

export interface ShiftRepository {
  listByEnterprise(enterpriseId: string): Promise<Shift[]>;
  findById(id: string): Promise<Shift | null>;
  findIdByName(enterpriseId: string, name: string): Promise<string | null>;
  countInEnterprise(enterpriseId: string, ids: string[]): Promise<number>;
  create(enterpriseId: string, shift: ShiftRecord): Promise<Shift>;
  update(id: string, shift: ShiftRecord): Promise<Shift>;
}

export interface UserRepository {
  list(scope: EnterpriseScope, query: UserQuery): Promise<Page<User>>;
  findById(id: string): Promise<(User & { enterpriseZoneId: string | null }) | null>;
  findIdByUsername(username: string): Promise<string | null>;
  create(user: Omit<UserRecord, 'active'>): Promise<User>;
  update(id: string, changes: Partial<UserRecord>): Promise<User>;
  me(id: string): Promise<User | null>;
}

export interface UserRecord {
  username: string;
  displayName: string;
  role: User['role'];
  enterpriseId: string | null;
  zoneId: string | null;
  phone: string | null;
  passwordHash: string;
  active: boolean;
}
