// A saved study shown without running it has no wall time: the Ranking panel and the printed
// report read startedAt and finishedAt, which belonged to the run that was on screen before.
import { beforeEach, describe, expect, it } from 'vitest';
import { checkStudyRecord } from '../core/study/studyRecord';
import { syntheticStudy } from '../testing/syntheticStudy';
import { labStore } from './labStore';
import { recordOfStudy } from './persistence';
import { showSavedRecord } from './trialFacts';

const initial = labStore.getState();
beforeEach(() => labStore.setState(initial, true));

describe('showSavedRecord', () => {
  it('clears the wall time of the run that was on screen before', () => {
    const { study, curves } = syntheticStudy({ numConfigs: 4, pointsPerTrial: 10 });
    labStore.setState({ study, curves, studyId: 'saved-1' });
    const checked = checkStudyRecord(structuredClone(recordOfStudy('saved-1', study, { createdAt: 1, updatedAt: 2 })));
    if (!checked.ok) throw new Error(checked.error);
    // An earlier run of 90 s on screen, then the saved study opened.
    labStore.setState({ ...initial, studyId: 'earlier', startedAt: 1_000_000, finishedAt: 1_090_000 }, true);
    showSavedRecord(checked.record);
    expect(labStore.getState()).toMatchObject({ studyId: 'saved-1', startedAt: null, finishedAt: null });
  });
});
