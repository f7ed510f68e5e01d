import type { EntityName } from '@platform/contracts';
import { AppError } from './app-error.ts';

/** The object does not exist, or exists outside the caller's scope (never reveal which). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';

  /** `entity` is sent as the `entity` param, so the client can say what was not found. */
  constructor(entity: EntityName, id?: string) {
    super(id ? `${entity} ${id} was not found` : `${entity} was not found`, { params: { entity } });
  }
}
