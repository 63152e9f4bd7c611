// A saved audit (./audit.ts's report for one study), checked with a zod schema when it is read back:
// IndexedDB records can be damaged or written by an older version, and a bad one must not crash the page.
import { z } from 'zod';
import { SECTION_SCHEMAS } from '../core/study/studySchema';
import type { AuditReport } from './audit';

export interface AuditRecord {
  v: 1;
  studyId: string;
  savedAt: number;
  report: AuditReport;
}

// Rank correlations of a constant ranking are NaN; structured clone keeps NaN, so accept it.
const real = z.union([z.number(), z.nan()]);
const fraction = z.number().min(0).max(1);
const status = z.enum(['completed', 'diverged', 'failed']);

const rowSchema = z.object({
  configId: z.int().min(0),
  config: SECTION_SCHEMAS.fixed.required(), // every hyperparameter, as the meta-model's stored examples
  rung0Accuracy: fraction.nullable(),
  rung0Sharpness: real.nullable(),
  lowFidelityResource: fraction,
  fullFidelityAccuracy: fraction.nullable(),
  fullStatus: status,
  reused: z.boolean(),
  metaModel: z.object({ mean: real, lower: real, upper: real, model: z.string().max(200) }).nullable(),
});

const ruleSchema = z.object({
  rule: z.enum(['lowFidelity', 'composite', 'metaModel', 'metaModelMemory']),
  spearman: real,
  kendall: real,
  top1RegretPts: real,
  top3RegretPts: real,
  computeFraction: real,
  note: z.string().max(2000),
});

const metaModelSchema = z.object({
  rmsePts: real,
  maePts: real,
  coverage: real,
  z: real,
  chosen: z.record(z.string(), z.number()),
  perModel: z.array(
    z.object({ name: z.string(), rmsePts: real, maePts: real, coverage: real, error: z.string().optional() }),
  ),
  features: z.array(z.string()),
});

const reportSchema = z.object({
  study: z.string().max(200),
  numConfigs: z.int().min(0).max(10_000),
  scored: z.int().min(0),
  fullFidelity: z.string().max(200),
  rows: z.array(rowSchema).max(10_000),
  rules: z.array(ruleSchema).max(4),
  promotions: z
    .array(
      z.object({
        bracket: z.int().min(0),
        rung: z.int().min(0),
        rule: z.enum(['accuracy', 'metaModel']),
        candidates: z.array(z.int().min(0)),
        promoted: z.array(z.int().min(0)),
        byAccuracy: z.array(z.int().min(0)),
        regretPts: real,
        accuracyRegretPts: real,
      }),
    )
    .max(1000)
    .optional(),
  successiveHalving: z.object({ configId: z.int().min(0), top1RegretPts: real }).nullable(),
  metaModel: metaModelSchema.nullable(),
  fullFidelityRuns: z.int().min(0),
  reusedRuns: z.int().min(0),
  auditMs: real,
  assumptions: z.array(z.string().max(2000)).max(20),
});

const recordSchema = z.object({
  v: z.literal(1),
  studyId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  savedAt: z.number(),
  report: reportSchema,
});

/** A stored value back to a record, or what is wrong with it; `studyId` is the study it was read for. */
export function checkAuditRecord(
  raw: unknown,
  studyId: string,
): { ok: true; record: AuditRecord } | { ok: false; error: string } {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `The saved audit of study ${studyId} is damaged and was ignored (${issue.path.join('.') || 'record'}: ${issue.message}).`,
    };
  }
  const record = parsed.data as unknown as AuditRecord; // zod's config type is the schema's, with the same fields
  if (record.studyId !== studyId)
    return {
      ok: false,
      error: `The saved audit of study ${studyId} belongs to study ${record.studyId} and was ignored.`,
    };
  if (record.report.rows.length !== record.report.numConfigs)
    return {
      ok: false,
      error: `The saved audit of study ${studyId} is damaged and was ignored (it has ${record.report.rows.length} rows for ${record.report.numConfigs} configurations).`,
    };
  return { ok: true, record };
}
