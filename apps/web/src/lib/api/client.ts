// The web app's only way to the API. Every function is typed by @platform/contracts; the import
// is type-only so zod never reaches the browser bundle.
import type {
  AuditEntry,
  AuditQuery,
  Board,
  CreateUploadBody,
  Enterprise,
  EnterpriseInput,
  EnterpriseQuery,
  Industry,
  LoginBody,
  Me,
  Media,
  Meeting,
  MeetingInput,
  MeetingQuery,
  MeetingSummary,
  Page,
  Shift,
  ShiftInput,
  Team,
  TeamInput,
  Upload,
  User,
  UserInput,
  UserQuery,
  UserUpdate,
  WallQuery,
  WallStats,
  Zone,
  ZoneInput,
} from '@platform/contracts';
import { request as send, type RequestOptions } from './http.ts';

export { ApiError, type FieldIssue } from './api-error.ts';

/** Query objects where paging has defaults on the server, so every key is optional here. */
type Query<T> = { [K in keyof T]?: T[K] };

const enc = encodeURIComponent;

/**
 * Typed calls to every endpoint the web app uses, grouped by resource. Load functions pass their
 * own `fetch` (`apiFor(fetch)`) as SvelteKit asks; components use the ready-made `api`.
 */
export function apiFor(fetchImpl?: typeof fetch) {
  const request = <T>(method: string, path: string, options: RequestOptions = {}) => send<T>(method, path, { ...options, fetch: fetchImpl });
  return {
    auth: {
      /** 401 INVALID_CREDENTIALS and 429 ACCOUNT_LOCKED / RATE_LIMITED are thrown to the form. */
      login: (body: LoginBody) => request<Me>('POST', '/api/auth/login', { body, on401: 'throw' }),
      logout: () => request<void>('POST', '/api/auth/logout', { on401: 'throw' }),
      /** The logged-in user; throws a 401 ApiError (no redirect) when there is no session. */
      me: () => request<Me>('GET', '/api/auth/me', { on401: 'throw' }),
    },
    zones: {
      list: () => request<Zone[]>('GET', '/api/zones'),
      create: (input: ZoneInput) => request<Zone>('POST', '/api/zones', { body: input }),
      update: (id: string, input: ZoneInput) => request<Zone>('PUT', `/api/zones/${enc(id)}`, { body: input }),
    },
    industries: {
      list: () => request<Industry[]>('GET', '/api/industries'),
    },
    enterprises: {
      list: (query: Query<EnterpriseQuery> = {}) => request<Page<Enterprise>>('GET', '/api/enterprises', { query }),
      get: (id: string) => request<Enterprise>('GET', `/api/enterprises/${enc(id)}`),
      create: (input: EnterpriseInput) => request<Enterprise>('POST', '/api/enterprises', { body: input }),
      update: (id: string, input: EnterpriseInput) => request<Enterprise>('PUT', `/api/enterprises/${enc(id)}`, { body: input }),
      /** Each team × shift of one day (default: today in Asia/Shanghai) with its meeting state. */
      board: (id: string, date?: string) => request<Board>('GET', `/api/enterprises/${enc(id)}/board`, { query: { date } }),
    },
    teams: {
      list: (enterpriseId: string) => request<Team[]>('GET', `/api/enterprises/${enc(enterpriseId)}/teams`),
      get: (id: string) => request<Team>('GET', `/api/teams/${enc(id)}`),
      create: (enterpriseId: string, input: TeamInput) => request<Team>('POST', `/api/enterprises/${enc(enterpriseId)}/teams`, { body: input }),
      /** Replaces the team, its whole roster and its shifts. */
      update: (id: string, input: TeamInput) => request<Team>('PUT', `/api/teams/${enc(id)}`, { body: input }),
    },
    shifts: {
      list: (enterpriseId: string) => request<Shift[]>('GET', `/api/enterprises/${enc(enterpriseId)}/shifts`),
      create: (enterpriseId: string, input: ShiftInput) => request<Shift>('POST', `/api/enterprises/${enc(enterpriseId)}/shifts`, { body: input }),
      update: (id: string, input: ShiftInput) => request<Shift>('PUT', `/api/shifts/${enc(id)}`, { body: input }),
    },
    meetings: {
      list: (query: Query<MeetingQuery> = {}) => request<Page<MeetingSummary>>('GET', '/api/meetings', { query }),
      get: (id: string) => request<Meeting>('GET', `/api/meetings/${enc(id)}`),
      create: (input: MeetingInput) => request<Meeting>('POST', '/api/meetings', { body: input }),
      /** 409 CONFLICT once the meeting has been reviewed. */
      update: (id: string, input: MeetingInput) => request<Meeting>('PUT', `/api/meetings/${enc(id)}`, { body: input }),
    },
    uploads: {
      create: (body: CreateUploadBody) => request<Upload>('POST', '/api/uploads', { body }),
      /** Parts the server already has and fresh targets for the rest: what a resuming client needs. */
      get: (id: string) => request<Upload>('GET', `/api/uploads/${enc(id)}`),
      /** 415 MEDIA_REJECTED (with a message for the user) when the bytes are not a usable photo or video. */
      complete: (id: string) => request<{ assetId: string; kind: Media['kind']; mediaUrl: string }>('POST', `/api/uploads/${enc(id)}/complete`),
      abort: (id: string) => request<void>('DELETE', `/api/uploads/${enc(id)}`),
    },
    media: {
      get: (id: string) => request<Media>('GET', `/api/media/${enc(id)}`),
    },
    wall: {
      /** Today's due / reported / late / missing counts (Asia/Shanghai) over the filtered enterprises. */
      stats: (query: Query<WallQuery> = {}) => request<WallStats>('GET', '/api/wall/stats', { query }),
    },
    users: {
      list: (query: Query<UserQuery> = {}) => request<Page<User>>('GET', '/api/users', { query }),
      get: (id: string) => request<User>('GET', `/api/users/${enc(id)}`),
      create: (input: UserInput) => request<User>('POST', '/api/users', { body: input }),
      update: (id: string, patch: UserUpdate) => request<User>('PATCH', `/api/users/${enc(id)}`, { body: patch }),
    },
    audit: {
      list: (query: Query<AuditQuery> = {}) => request<Page<AuditEntry>>('GET', '/api/audit', { query }),
    },
  };
}

/** The API for event handlers and components. */
export const api = apiFor();

export type Api = ReturnType<typeof apiFor>;
