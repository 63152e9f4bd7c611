// The meta-model's memory across studies: examples read from IndexedDB (checked, damaged ones
// counted and skipped), added after every study and audit, cleared on request. Every study that
// uses the meta-model rule reads them through memoryExamples().
import { checkExamples, fidelityKey, mergeExamples, sourceKey, type MetaExample } from '../core/metaModel/memory';
import { clearExamples, readExampleValues, saveExamples } from '../storage/memoryStore';
import { labStore, type MemorySummary } from './labStore';
import { notice } from './persistence';

// Held in the page too: a full quota must not make the lab forget what it learned this session.
let held: MetaExample[] = [];

function summarise(examples: readonly MetaExample[], damaged: number): MemorySummary {
  const byFidelity: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  for (const e of examples) {
    byFidelity[fidelityKey(e.fidelity)] = (byFidelity[fidelityKey(e.fidelity)] ?? 0) + 1;
    const source = sourceKey(e.fidelity, e.source.study, e.source.seed);
    bySource[source] = (bySource[source] ?? 0) + 1;
  }
  const studies = new Set(examples.map((e) => `${e.source.study}|${e.source.seed}`)).size;
  return { loaded: true, count: examples.length, byFidelity, bySource, studies, damaged };
}

/** Reads the stored examples into the page and the summary into the store. */
export async function refreshMemory(): Promise<MetaExample[]> {
  try {
    const { examples, damaged } = checkExamples(await readExampleValues());
    held = mergeExamples(examples, held);
    labStore.setState({ memory: summarise(held, damaged) });
    if (damaged > 0) notice(`${damaged} stored meta-model example(s) were damaged and are ignored. Clear the meta-model memory to remove them.`);
  } catch (e) {
    notice(`Could not read the meta-model memory (${e instanceof Error ? e.message : String(e)}); studies start without it.`);
    labStore.setState({ memory: summarise(held, labStore.getState().memory.damaged) });
  }
  return held;
}

/** Every example the lab knows, for a study's meta-model (the caller filters by fidelity). */
export async function memoryExamples(): Promise<MetaExample[]> {
  return labStore.getState().memory.loaded ? held : refreshMemory();
}

/** Adds examples (a study's or an audit's); held in the page even when storage fails. */
export async function rememberExamples(examples: readonly MetaExample[]): Promise<void> {
  if (examples.length === 0) return;
  if (!labStore.getState().memory.loaded) await refreshMemory();
  held = mergeExamples(held, examples);
  labStore.setState({ memory: summarise(held, labStore.getState().memory.damaged) });
  const problem = await saveExamples(examples);
  if (problem) notice(problem);
}

/** Forgets every example, stored and in memory. */
export async function clearMemory(): Promise<void> {
  held = [];
  try {
    await clearExamples();
  } catch (e) {
    notice(`Could not clear the stored meta-model memory (${e instanceof Error ? e.message : String(e)}).`);
  }
  labStore.setState({ memory: summarise([], 0) });
}
