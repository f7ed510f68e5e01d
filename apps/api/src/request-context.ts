import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditRepository } from '@platform/core';

/** Where the current request comes from, for the audit rows written while it is handled. */
export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
}

/**
 * The request being handled, if any. Set by the platform plugin's onRequest hook; services deep in
 * a call write audit rows without being handed the request.
 */
export const requestOrigin = new AsyncLocalStorage<RequestOrigin>();

/** The audit repository with each row's ip and user agent filled from the current request when the caller gave none. */
export function auditWithRequestContext(audit: AuditRepository): AuditRepository {
  return {
    ...audit,
    record(event) {
      const origin = requestOrigin.getStore();
      if (!origin) return audit.record(event);
      return audit.record({ ...event, ip: event.ip ?? origin.ip, userAgent: event.userAgent ?? origin.userAgent });
    },
  };
}
