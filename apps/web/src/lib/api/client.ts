// The web app's only way to the API. Every function is typed by @platform/contracts; the import
// is type-only so zod never reaches the browser bundle.
import type {
  AuditEntry,
  AuditQuery,
  Enterprise,
  EnterpriseInput,
  EnterpriseQuery,
  Industry,
  LoginBody,
  Me,
  Page,
  Shift,
  ShiftInput,
  Team,
  TeamInput,
  User,
  UserInput,
  UserQuery,
  UserUpdate,
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
