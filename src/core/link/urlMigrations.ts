// Upgrades of study payloads from older share links, one step per version (MIGRATIONS[v] turns v
// into v + 1). They run on raw JSON before validation, so they only add or rename fields. The
// version-1 definition is kept here, the one place that still reads it.
import type { SearchSpace, TrialConfig } from '../searchSpace/searchSpace';
import type { StudyData, StudyDefinition } from '../study/studyDefinition';
import { describeValue } from '../study/studySchema';

export const CURRENT_STUDY_VERSION = 2;

/** Version 1's only scheduler: successive halving over the data fraction. */
export interface SuccessiveHalvingScheduler {
  kind: 'successiveHalving';
  numConfigs: number;
  reductionFactor: number;
  /** Resources are data fractions of `data.maxTrainImages`. */
  minResource: number;
  maxResource: number;
}

/** A study as version-1 links carried it: random sampling only, no scheduler.resource. */
export interface StudyDefinitionV1 {
  v: 1;
  name: string;
  seed: number;
  space: SearchSpace;
  fixed: Partial<TrialConfig>;
  scheduler: SuccessiveHalvingScheduler;
  data: StudyData;
  readEvery: number;
}

type Raw = Record<string, unknown>;

const isPlainObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

const MIGRATIONS: Record<number, (raw: Raw) => { raw: Raw; note: string }> = {
  // v1 knew only random sampling and successive halving over the data fraction.
  1: (raw) => ({
    raw: {
      ...raw,
      v: 2,
      sampler: 'random',
      scheduler: isPlainObject(raw.scheduler) ? { ...raw.scheduler, resource: 'dataFraction' } : raw.scheduler,
    },
    note: "Upgraded a version 1 link: sampler 'random', resource 'dataFraction'.",
  }),
};

export type MigrationResult = { ok: true; raw: Raw; notes: string[] } | { ok: false; error: string };

/** Brings a raw payload of a known version up to CURRENT_STUDY_VERSION; spreads copy own keys only. */
export function migrateStudy(raw: Raw): MigrationResult {
  const v = raw.v;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return {
      ok: false,
      error: `The link's study has no valid version number (v): expected a whole number, got ${describeValue(v)}`,
    };
  }
  if (v > CURRENT_STUDY_VERSION) {
    return {
      ok: false,
      error: `The link was made by a newer version of the lab (study format version ${v}); this page reads versions 1 to ${CURRENT_STUDY_VERSION}. Reload the page to update it.`,
    };
  }
  if (v < 1)
    return {
      ok: false,
      error: `The link's study format version ${v} does not exist; this page reads versions 1 to ${CURRENT_STUDY_VERSION}.`,
    };
  let current = raw;
  const notes: string[] = [];
  for (let from = v; from < CURRENT_STUDY_VERSION; from++) {
    const step = MIGRATIONS[from](current);
    current = step.raw;
    notes.push(step.note);
  }
  return { ok: true, raw: current, notes };
}

/** A v1 study definition as v2; a typed twin of MIGRATIONS[1]. */
export function studyV1ToV2(def: StudyDefinitionV1): StudyDefinition {
  return { ...def, v: 2, sampler: 'random', scheduler: { ...def.scheduler, resource: 'dataFraction' } };
}
