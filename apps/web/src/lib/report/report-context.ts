import { getContext, setContext } from 'svelte';
import type { ReportSender } from './report-sender.svelte.ts';

// One sender per signed-in officer, made by the enterprise layout so reports keep going while
// the officer moves between pages.
const KEY = Symbol('report-sender');

export function provideReportSender(sender: ReportSender | null): void {
  setContext(KEY, sender);
}

export function useReportSender(): ReportSender | null {
  return getContext<ReportSender | null>(KEY) ?? null;
}
