export { AppError, type ErrorParams, type FieldIssue } from './app-error.ts';
export { ConflictError } from './conflict-error.ts';
export { ForbiddenError } from './forbidden-error.ts';
export { NotFoundError } from './not-found-error.ts';
export { TooManyAttemptsError } from './too-many-attempts-error.ts';
export { UnauthorizedError } from './unauthorized-error.ts';
export { ValidationError } from './validation-error.ts';
export { MediaRejectedError } from './media-rejected-error.ts';
export { PayloadTooLargeError } from './payload-too-large-error.ts';
