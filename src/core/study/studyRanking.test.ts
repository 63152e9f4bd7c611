// Tests for studyRanking.ts: the study's best is the best at the highest rung reached, never a
// higher score read on less data, and the ranking's groups each hold one rung.
import { describe, expect, it } from 'vitest';
import { driveStudy } from '../../testing/driveStudy';
import { scriptedDefinition } from '../../testing/scriptedStudy';
import { rankConfigs, rankingByRung, studyBest } from './studyRanking';
import { studySummary } from './studySummary';
import { RECORD_VERSION, type StudyRecord } from './studyRecord';

// 8 configurations at 1/4, 4 at 1/2, 2 on all of it. Every score read on less data is higher
// (a configuration looks best early and falls back), so "the best at any rung" is a rung-1 score.
const study = driveStudy(scriptedDefinition, (t) => 0.2 + 0.05 * t.configId + 0.4 * (1 - t.resource));

describe('studyBest', () => {
  it('is the best accuracy at the highest rung reached (brute force), not the best at any rung', () => {
    const done = study.trials.filter((t) => t.state === 'completed');
    const top = Math.max(...done.map((t) => t.resource));
    const oracle = Math.max(...done.filter((t) => t.resource === top).map((t) => t.valAccuracy!));
    const anyRung = Math.max(...done.map((t) => t.valAccuracy!));
    expect(anyRung).toBeGreaterThan(oracle + 0.1);
    expect(studyBest(study)?.valAccuracy).toBeCloseTo(oracle, 12);
    expect(studyBest(study)?.resource).toBe(1);
  });

  it('is what the saved-studies list shows as the best', () => {
    const record: StudyRecord = {
      v: RECORD_VERSION,
      id: 'a-1',
      createdAt: 1,
      updatedAt: 2,
      state: study,
      curves: {},
      probes: {},
      initGradientNorms: {},
      backend: null,
    };
    expect(studySummary(record).best).toBe(studyBest(study)?.valAccuracy);
    expect(studySummary(record).completed).toBe(14);
  });
});

describe('rankingByRung', () => {
  it('splits the ranking into one group per rung, highest first, keeping its order', () => {
    const ranking = rankConfigs(study);
    const groups = rankingByRung(ranking);
    expect(groups.map((g) => [g.rung, g.entries.length])).toEqual([
      [2, 2],
      [1, 2],
      [0, 4],
    ]);
    for (const g of groups) expect(new Set(g.entries.map((e) => e.rung))).toEqual(new Set([g.rung]));
    expect(groups.flatMap((g) => g.entries)).toEqual(ranking);
  });
});

describe('rankingByRung under Hyperband', () => {
  it('groups by resource and names no rung where brackets reach one resource at different rungs', () => {
    const def = { ...scriptedDefinition, scheduler: { ...scriptedDefinition.scheduler, kind: 'hyperband' as const } };
    const hb = driveStudy(def, (t) => 0.3 + 0.01 * t.configId);
    const groups = rankingByRung(rankConfigs(hb));
    const resources = groups.map((g) => g.resource);
    expect(resources).toEqual([...new Set(resources)].sort((a, b) => b - a));
    for (const g of groups) {
      const rungs = new Set(g.entries.map((e) => e.rung));
      expect(g.rung).toBe(rungs.size === 1 ? g.entries[0].rung : null);
    }
    expect(groups.some((g) => g.rung === null)).toBe(true);
  });
});
