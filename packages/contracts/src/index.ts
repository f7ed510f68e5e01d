export * from './auth.ts';
export * from './common.ts';
export * from './error-codes.ts';
export * from './health.ts';
export * from './org.ts';
export * from './users.ts';
export * from './media.ts';
export * from './meetings.ts';
