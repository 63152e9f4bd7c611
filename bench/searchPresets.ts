// Studies for `npm run bench:search`: a successive-halving study followed by the full-fidelity audit.
// Timed on two wasm workers (about 300 images/s each at c=32, batch 64; c=64 is ~2.5x slower).
import { presetStudy } from '../src/core/study/presets';
import type { StudyDefinition } from '../src/core/study/studyDefinition';

export interface SearchBenchPreset {
  id: string;
  explains: string;
  study: StudyDefinition;
}

export const SEARCH_PRESETS: readonly SearchBenchPreset[] = [
  {
    id: 'audit-smoke',
    explains:
      'Pipeline check (~3-5 min): 10 configurations at 1/4 of 3,000 images, 5 at 1/2, 2 at all of it, 1 epoch; then all 10 at full fidelity.',
    // Images trained: study 10x750 + 5x1500 + 2x3000 = 21k; audit 8x3000 = 24k (2 reused).
    study: presetStudy({
      name: 'audit-smoke',
      fixed: { batchSize: 64, epochs: 1 },
      readEvery: 4,
      numConfigs: 10,
      reductionFactor: 2,
      minResource: 0.25,
      maxTrainImages: 3000,
      evalImages: 1000,
    }),
  },
  {
    id: 'audit30',
    explains:
      'About 30 minutes: 18 configurations at 1/9 of 6,750 images, 6 at 1/3, 2 at all of it, 2 epochs; then all 18 at full fidelity.',
    // Images trained: study 18x750x2 + 6x2250x2 + 2x6750x2 = 27k + 27k + 27k = 81k; audit 16x13.5k = 216k.
    study: presetStudy({
      name: 'audit30',
      fixed: { batchSize: 64, epochs: 2 },
      readEvery: 8,
      numConfigs: 18,
      reductionFactor: 3,
      minResource: 1 / 9,
      maxTrainImages: 6750,
      evalImages: 2000,
    }),
  },
  {
    id: 'steer12',
    explains:
      "About 10 minutes: audit30's full fidelity (6,750 images x 2 epochs) with 12 new configurations (seed 2027 unless --seed), 12 at 1/9, 4 at 1/3, 1 at all of it; promoted by the meta-model, with earlier runs' examples as --memory (bench/knowledge/audit30.examples.json).",
    // Images trained: study 12x1.5k + 4x4.5k + 1x13.5k = 49.5k; audit 11x13.5k = 148.5k.
    study: presetStudy({
      name: 'steer12',
      fixed: { batchSize: 64, epochs: 2 },
      readEvery: 8,
      numConfigs: 12,
      reductionFactor: 3,
      minResource: 1 / 9,
      maxTrainImages: 6750,
      evalImages: 2000,
      seed: 2027,
      promotion: 'metaModel',
    }),
  },
];

export function findSearchPreset(id: string): SearchBenchPreset | undefined {
  return SEARCH_PRESETS.find((p) => p.id === id);
}
