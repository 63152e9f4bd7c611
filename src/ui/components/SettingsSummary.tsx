// The collapsed settings' status in one line: scheduler, what it promotes by, configurations, η, seed.
import type { StudyDefinition } from '../../core/study/studyDefinition';
import { plainName } from './evidenceWords';

export function SettingsSummary({ definition }: { definition: StudyDefinition }) {
  const s = definition.scheduler;
  const over = s.resource === 'dataFraction' ? 'data' : s.resource === 'epochs' ? 'epochs' : 'data and epochs';
  return (
    <span className="muted" data-testid="settings-summary">
      ({plainName(s.kind)} over {over}, {s.numConfigs} configurations, η = {s.reductionFactor},{' '}
      {s.promotion === 'metaModel' ? 'promoted by the meta-model' : 'promoted by accuracy'}, seed {definition.seed})
    </span>
  );
}
