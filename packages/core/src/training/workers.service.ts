import type { CreatedWorker, Page, Worker, WorkerImportResult, WorkerInput, WorkerPasswordReset, WorkerQuery } from '@platform/contracts';
import type { Actor } from '../access/actor.ts';
import type { EnterpriseAccess } from '../access/enterprise-access.ts';
import { enterpriseScopeOf, requireRole } from '../access/scope.ts';
import { workerFor } from '../access/worker-data.ts';
import type { AuditRepository } from '../audit/audit.port.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors/index.ts';
import type { TeamRepository } from '../org/org.port.ts';
import type { UserService } from '../org/user.service.ts';
import { normaliseIdNumber, normaliseMobile } from './id-number.ts';
import { hashInitialPassword, initialPassword } from './initial-password.ts';
import {
  WORKER_IMPORT_MAX_ROWS,
  cappedIssues,
  columnsOf,
  draftsOf,
  rowIssue,
  workerRowIssues,
  workerValueProblems,
  type WorkerColumn,
  type WorkerDraft,
} from './worker-rows.ts';
import type { NewWorker, SheetReader, TakenValues, WorkerRecord, WorkerRepository } from './workers.port.ts';

// How many initial passwords are hashed at once: the API shares its cores with everyone else's requests.
const HASH_CONCURRENCY = 2;

// Field of a single account's form for each column of the import.
const FIELD_OF: Record<WorkerColumn, string> = {
  displayName: 'displayName',
  phone: 'phone',
  idNumber: 'idNumber',
  employeeNo: 'employeeNo',
  teamName: 'teamId',
  position: 'position',
};

/** A worker record in the contract's shape, personal data still whole. */
function toWorker(record: WorkerRecord): Worker {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    phone: record.phone,
    idNumber: record.idNumber,
    employeeNo: record.member?.employeeNo ?? null,
    position: record.member?.position ?? null,
    team: record.member ? { id: record.member.teamId, name: record.member.teamName } : null,
    enterprise: { id: record.enterprise.id, name: record.enterprise.name },
    active: record.active,
    lastLoginAt: record.lastLoginAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  };
}

/**
 * Worker accounts of an enterprise, made by its safety officer one at a time or from a
 * spreadsheet (every row checked before anything is created), with one-time initial passwords.
 */
export class WorkerService {
  constructor(
    private readonly workers: WorkerRepository,
    private readonly teams: Pick<TeamRepository, 'listByEnterprise'>,
    private readonly access: EnterpriseAccess,
    private readonly audit: AuditRepository,
    private readonly users: Pick<UserService, 'update'>,
    private readonly sheets: SheetReader,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Officers list their enterprise's workers; bureau roles those of enterprises in their scope. Workers list nobody. */
  async list(actor: Actor, query: WorkerQuery): Promise<Page<Worker>> {
    requireRole(actor, 'ENTERPRISE_OFFICER', 'ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR');
    if (query.enterpriseId)
      await this.access.assertCanRead(actor, query.enterpriseId, { entityType: 'enterprise', entityId: query.enterpriseId });
    const page = await this.workers.list(enterpriseScopeOf(actor), query);
    return { ...page, items: page.items.map((r) => workerFor(actor, toWorker(r), 'list')) };
  }

  async get(actor: Actor, id: string): Promise<Worker> {
    requireRole(actor, 'ENTERPRISE_OFFICER', 'ADMIN', 'INSPECTOR', 'ZONE_OFFICER', 'COMMAND_OPERATOR');
    const record = await this.workers.findById(id);
    if (!record) throw new NotFoundError('user', id);
    await this.access.assertCanRead(actor, record.enterprise.id, { entityType: 'user', entityId: id });
    return workerFor(actor, toWorker(record), 'detail');
  }

  /** One account; field issues are named after the form's fields. */
  async create(actor: Actor, input: WorkerInput): Promise<CreatedWorker> {
    const enterpriseId = this.ownEnterprise(actor);
    const draft: WorkerDraft = {
      rowNumber: 0,
      displayName: input.displayName,
      phone: normaliseMobile(input.phone),
      idNumber: normaliseIdNumber(input.idNumber),
      employeeNo: input.employeeNo || null,
      teamName: null,
      position: input.position || null,
    };
    const issues: FieldIssue[] = workerValueProblems(draft, this.now()).map((p) => ({
      field: FIELD_OF[p.column],
      code: p.code,
      ...(p.params ? { params: p.params } : {}),
      message: p.code,
    }));
    const team = input.teamId ? (await this.teams.listByEnterprise(enterpriseId)).find((t) => t.id === input.teamId && t.active) : null;
    if (input.teamId && !team)
      issues.push({ field: 'teamId', code: 'REFERENCE_NOT_FOUND', params: { entity: 'team' }, message: 'no such team in your enterprise' });
    if (issues.length) throw new ValidationError(issues);
    const taken = await this.workers.findTaken([draft.phone], [draft.idNumber]);
    const clash = this.takenIssues(taken, [draft], (column) => FIELD_OF[column]);
    if (clash.length) throw new ValidationError(clash);

    const username = input.username || draft.phone;
    const password = initialPassword(username);
    const worker = { ...this.newWorker(draft, team?.id ?? null, await hashInitialPassword(password)), username };
    const [created] = await this.createAll(enterpriseId, [worker], [draft], (column) => FIELD_OF[column]);
    await this.audit.record({
      actor,
      action: 'worker.create',
      entityType: 'user',
      entityId: created!.id,
      entityLabel: created!.displayName,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { username, team: team?.name ?? null },
    });
    return { ...workerFor(actor, toWorker(created!), 'detail'), initialPassword: password };
  }

  /**
   * A spreadsheet of workers. Every row is checked (values, duplicates in the file and against
   * existing accounts, teams) and the problems answered together; only a file without one is
   * imported, all of it in one transaction.
   */
  async import(actor: Actor, bytes: Uint8Array): Promise<WorkerImportResult> {
    const enterpriseId = this.ownEnterprise(actor);
    const table = await this.sheets.read(bytes);
    const { columns, issues: headerIssues } = columnsOf(table.header);
    if (headerIssues.length) throw new ValidationError(headerIssues);
    const drafts = draftsOf(table, columns);
    if (!drafts.length) throw ValidationError.field('file', 'WORKER_IMPORT_EMPTY', 'the file has no data rows');
    if (drafts.length > WORKER_IMPORT_MAX_ROWS)
      throw ValidationError.field('file', 'WORKER_IMPORT_TOO_MANY_ROWS', `at most ${WORKER_IMPORT_MAX_ROWS} rows`, {
        limit: WORKER_IMPORT_MAX_ROWS,
        count: drafts.length,
      });

    const teams = (await this.teams.listByEnterprise(enterpriseId)).filter((t) => t.active);
    const teamIdOf = new Map(teams.map((t) => [t.name, t.id]));
    const taken = await this.workers.findTaken(drafts.map((d) => d.phone).filter(Boolean), drafts.map((d) => d.idNumber).filter(Boolean));
    const issues = workerRowIssues(drafts, {
      takenPhones: new Set(taken.phones),
      takenIdNumbers: new Set(taken.idNumbers),
      teamNames: new Set(teamIdOf.keys()),
      today: this.now(),
    });
    if (issues.length) throw new ValidationError(cappedIssues(issues));

    const passwords = drafts.map((d) => initialPassword(d.phone));
    const hashes = await hashAll(passwords);
    const workers = drafts.map((d, i) => this.newWorker(d, d.teamName ? teamIdOf.get(d.teamName)! : null, hashes[i]!));
    const created = await this.createAll(enterpriseId, workers, drafts, (column, draft) => `rows.${draft.rowNumber}.${column}`);
    await this.audit.record({
      actor,
      action: 'worker.import',
      entityType: 'enterprise',
      entityId: enterpriseId,
      enterpriseId,
      outcome: 'SUCCESS',
      details: { count: created.length, userIds: created.map((c) => c.id) },
    });
    return {
      created: created.map((record, i) => ({ ...workerFor(actor, toWorker(record), 'detail'), initialPassword: passwords[i]! })),
    };
  }

  /** Deactivates (ending its sessions) or activates a worker account of the officer's enterprise. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<Worker> {
    await this.ownWorker(actor, id);
    await this.users.update(actor, id, { active });
    return this.get(actor, id);
  }

  /** A new initial password for a worker who lost theirs; shown once, changed at the next login. */
  async resetPassword(actor: Actor, id: string): Promise<WorkerPasswordReset> {
    const worker = await this.ownWorker(actor, id);
    const password = initialPassword(worker.username);
    await this.users.update(actor, id, { password });
    return { initialPassword: password };
  }

  private async ownWorker(actor: Actor, id: string): Promise<WorkerRecord> {
    const enterpriseId = this.ownEnterprise(actor);
    const record = await this.workers.findById(id);
    if (!record || record.enterprise.id !== enterpriseId) {
      await this.audit.record({ actor, action: 'user.manage', entityType: 'user', entityId: id, enterpriseId, outcome: 'DENIED' });
      throw new NotFoundError('user', id);
    }
    return record;
  }

  /** Worker accounts are made and changed by the enterprise's own safety officers. */
  private ownEnterprise(actor: Actor): string {
    requireRole(actor, 'ENTERPRISE_OFFICER');
    if (!actor.enterpriseId) throw new NotFoundError('enterprise');
    return actor.enterpriseId;
  }

  private newWorker(draft: WorkerDraft, teamId: string | null, passwordHash: string): NewWorker {
    return {
      username: draft.phone,
      displayName: draft.displayName,
      phone: draft.phone,
      idNumber: draft.idNumber,
      passwordHash,
      employeeNo: draft.employeeNo,
      position: draft.position,
      teamId,
    };
  }

  private async createAll(
    enterpriseId: string,
    workers: NewWorker[],
    drafts: WorkerDraft[],
    fieldOf: (column: WorkerColumn, draft: WorkerDraft) => string,
  ): Promise<WorkerRecord[]> {
    const result = await this.workers.createAll(enterpriseId, workers, this.now());
    if ('taken' in result) throw new ValidationError(this.takenIssues(result.taken, drafts, fieldOf));
    return result.created;
  }

  /** PHONE_TAKEN / ID_NUMBER_TAKEN for each draft whose value another account has. */
  private takenIssues(
    taken: TakenValues,
    drafts: WorkerDraft[],
    fieldOf: (column: WorkerColumn, draft: WorkerDraft) => string,
  ): FieldIssue[] {
    const phones = new Set(taken.phones);
    const idNumbers = new Set(taken.idNumbers);
    return drafts.flatMap((draft) => {
      const problems = [
        ...(phones.has(draft.phone) ? [{ column: 'phone' as const, code: 'PHONE_TAKEN' as const }] : []),
        ...(idNumbers.has(draft.idNumber) ? [{ column: 'idNumber' as const, code: 'ID_NUMBER_TAKEN' as const }] : []),
      ];
      return problems.map((p) => ({ ...rowIssue(draft.rowNumber, p), field: fieldOf(p.column, draft) }));
    });
  }
}

/** Hashes the passwords a few at a time, in order. */
async function hashAll(passwords: string[]): Promise<string[]> {
  const hashes: string[] = new Array<string>(passwords.length);
  let next = 0;
  const lane = async () => {
    while (next < passwords.length) {
      const i = next++;
      hashes[i] = await hashInitialPassword(passwords[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, passwords.length) }, lane));
  return hashes;
}
