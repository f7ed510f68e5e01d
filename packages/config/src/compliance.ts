import { z } from 'zod';
import { evidenceConfigOf, evidenceEnvShape, type EvidenceConfig } from './evidence.ts';

/** The compliance rules' one tunable: how long after its meeting window a report is still on time. */
export const complianceEnvShape = {
  REPORT_GRACE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(120),
  ...evidenceEnvShape,
};
export type ComplianceEnv = z.infer<z.ZodObject<typeof complianceEnvShape>>;

export interface ComplianceConfig {
  /** After the window closes, a report is on time for this long; then the slot is missing. Evidence may follow a report for as long. */
  reportGraceMinutes: number;
  /** Limits of the evidence checks of photos and videos. */
  evidence: EvidenceConfig;
}

export function complianceConfigOf(env: ComplianceEnv): ComplianceConfig {
  return { reportGraceMinutes: env.REPORT_GRACE_MINUTES, evidence: evidenceConfigOf(env) };
}
