// Opening a results link in Node, as the page does: the study it holds is on screen with its
// ranking and a recommendation worked out without a worker (Node has no Worker: a call for one
// would fail), and a damaged link leaves the lab as it was, with a message.
import { describe, expect, it } from 'vitest';
import { resultsHash } from '../core/link/resultsLink';
import { rankConfigs } from '../core/study/studyRanking';
import { studyRecordOf } from '../core/study/studyRecord';
import { syntheticStudy } from '../testing/syntheticStudy';
import { labStore } from './labStore';
import { openResultsLink, RESULTS_LINK_NOTE } from './resultsLink';

const { study, curves } = syntheticStudy({ numConfigs: 9, pointsPerTrial: 40 });
const record = studyRecordOf(
  'r-1',
  study,
  { curves, probes: {}, initGradientNorms: {}, backend: 'wasm' },
  { createdAt: 1, updatedAt: 2 },
);

describe('openResultsLink', () => {
  const initial = labStore.getState();

  it('shows the study with its ranking and a recommendation, with nothing trained and no worker', async () => {
    labStore.setState(initial, true);
    const made = await resultsHash(record);
    if (!made.ok) throw new Error(made.error);
    await openResultsLink(made.hash);
    const s = labStore.getState();
    expect(s.study).toEqual(study);
    expect(rankConfigs(s.study!)).toEqual(rankConfigs(study));
    expect(s.curves).toEqual(record.curves);
    expect(s.busy).toBe('idle');
    expect(s.startedAt).toBeNull();
    expect(s.shareNote).toBe(RESULTS_LINK_NOTE);
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    expect(s.recommendation?.status).toBe('ready');
    expect(s.recommendation?.value?.configId).toBe(rankConfigs(study)[0].configId);
    expect(s.recommendation?.value?.note).toMatch(/from this study's results alone$/);
  });

  it('leaves the lab as it was for a damaged link, and says why', async () => {
    labStore.setState(initial, true);
    const made = await resultsHash(record);
    if (!made.ok) throw new Error(made.error);
    await openResultsLink(made.hash.slice(0, made.hash.length - 200));
    const s = labStore.getState();
    expect(s.study).toBeNull();
    expect(s.definition).toEqual(initial.definition);
    expect(s.linkProblems).toEqual([expect.stringMatching(/^The results link was not opened: .* Nothing was run\.$/)]);
  });
});
