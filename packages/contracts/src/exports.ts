import { z } from 'zod';
import { MissingQuery } from './compliance.ts';
import { MeetingQuery } from './meetings.ts';

/** The file an export is written as: CSV (UTF-8 with a byte-order mark) or an Excel workbook. */
export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Most rows one export may hold; a larger selection is refused (EXPORT_TOO_LARGE) so the filters get narrowed. */
export const EXPORT_MAX_ROWS = 100_000;

/** The meeting list's filters and order, without paging: every matching row is exported. */
export const MeetingExportQuery = MeetingQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat.default('csv') });
export type MeetingExportQuery = z.infer<typeof MeetingExportQuery>;

/** The missing list's filters (one day, default today), without paging. */
export const MissingExportQuery = MissingQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat.default('csv') });
export type MissingExportQuery = z.infer<typeof MissingExportQuery>;
