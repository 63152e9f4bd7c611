// Table configurations as the meta-model's examples (../metaModel/memory's MetaExample): the
// evidence at the replayed scheduler's low-fidelity resources and the full-fidelity label. Memory
// for a simulated study is the table minus the study's own sub-pool, keyed by configuration identity
// (configId), never by study name: leave-configurations-out, so no example is the answer itself.
import type { MetaExample } from '../metaModel/memory';
import type { FidelityObservation } from '../metaModel/features';
import type { TableHeader } from './learningCurveTable';
import { budgetAt } from '../schedulers/schedule';
import { fidelityObservation, readRung } from './rungObservation';
import type { ReplayPlan } from './replayPlans';
import { configIdentity, type TableConfiguration } from './tableConfigurations';

export function tableFidelity(header: TableHeader): MetaExample['fidelity'] {
  return { dataset: 'cifar10', trainImages: header.trainImages, epochs: header.epochs };
}

/** An example from observations a study (or the table) made; `index` is its number among the table's configurations. */
export function exampleOf(
  header: TableHeader,
  c: TableConfiguration,
  index: number,
  observations: FidelityObservation[],
  createdAt: number,
): MetaExample {
  return {
    v: 1,
    fidelity: tableFidelity(header),
    config: c.config,
    observations,
    fullAccuracy: c.fullAccuracy,
    source: { study: 'table', seed: header.tableSeed, configId: index, kind: 'audit' },
    createdAt,
  };
}

/** A memory example: the configuration read at each of the plan's low-fidelity resources. */
export function memoryExample(
  header: TableHeader,
  plan: ReplayPlan,
  resources: readonly number[],
  c: TableConfiguration,
  index: number,
): MetaExample {
  const observations = resources.map((r, rung) =>
    fidelityObservation(readRung(header, c, budgetAt(plan.definition, r)), rung, r),
  );
  return exampleOf(header, c, index, observations, index);
}

/** The table's configurations outside the pool (by identity, so no bootstrap copy of a pool member either), as examples. */
export function memoryFor(
  header: TableHeader,
  plan: ReplayPlan,
  resources: readonly number[],
  all: readonly TableConfiguration[],
  pool: ReadonlySet<string>,
): MetaExample[] {
  const inPool = new Set([...pool].map(configIdentity));
  return all.flatMap((c, i) =>
    inPool.has(configIdentity(c.configId)) ? [] : [memoryExample(header, plan, resources, c, i)],
  );
}
