// The printed report's first lines: which study, when, on what, and how it went. Hidden on screen.
import type { StudyState } from '../../core/study/studyMachine';
import { summarisePlan } from '../../core/schedulers/schedule';
import { formatSeconds } from '../kit/format';

export function ReportHeader({
  study,
  backend,
  startedAt,
  finishedAt,
}: {
  study: StudyState | null;
  backend: string | null;
  startedAt: number | null;
  finishedAt: number | null;
}) {
  if (!study) return null;
  const d = study.definition;
  const plan = summarisePlan(d);
  const completed = study.trials.filter((t) => t.state === 'completed').length;
  return (
    <section className="print-only report-header" aria-hidden="true">
      <h2>Study report: {d.name}</h2>
      <p>
        Seed {d.seed}, {d.sampler} sampler, {d.scheduler.kind} (η = {d.scheduler.reductionFactor}) over{' '}
        {plan.configurations} configurations and {plan.trials} planned trials on up to{' '}
        {d.data.maxTrainImages.toLocaleString('en')} CIFAR-10 images; selected on a held-out validation split of{' '}
        {d.data.validationSize.toLocaleString('en')} ({d.data.evalImages.toLocaleString('en')} scored per trial).
      </p>
      <p>
        {completed} of {study.trials.length} trials completed, study {study.phase}
        {backend ? `, trained on ${backend}` : ''}
        {startedAt && finishedAt && finishedAt > startedAt
          ? `, wall time ${formatSeconds(finishedAt - startedAt, 0)}`
          : ''}
        . Printed {new Date().toLocaleString('en-GB')}.
      </p>
    </section>
  );
}
