// The meta-model's memory across studies: examples read from IndexedDB (checked, damaged ones
// counted and skipped), added after every study and audit, cleared on request. Every study that
// uses the meta-model rule reads them through memoryExamples().
import { checkExamples, fidelityKey, mergeExamples, sourceKey, type MetaExample } from '../core/metaModel/memory';
import { clearExamples, readExampleValues, saveExamples } from '../storage/memoryStore';
import { forgetTaughtStudies, markStudyTaught, readStudyRecords, readTaughtStudies } from '../storage/studyStore';
import { checkStudyRecord, type CheckedRecord } from '../core/study/studyRecord';
import { missingStudyExamples } from '../orchestrator/memoryRebuild';
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
    if (damaged > 0)
      notice(
        `${damaged} stored meta-model example(s) were damaged and are ignored. Clear the meta-model memory to remove them.`,
      );
  } catch (e) {
    notice(
      `Could not read the meta-model memory (${e instanceof Error ? e.message : String(e)}); studies start without it.`,
    );
    labStore.setState({ memory: summarise(held, labStore.getState().memory.damaged) });
  }
  return held;
}

/**
 * At page open: the stored memory, plus the examples of saved studies it lacks (the browser may
 * clear one IndexedDB database and keep another), rebuilt from their records and saved again.
 */
export async function restoreMemory(): Promise<void> {
  const stored = await refreshMemory();
  try {
    const records = (await readStudyRecords())
      .map(checkStudyRecord)
      .filter((r) => r.ok)
      .map((r) => (r as { record: CheckedRecord }).record);
    const { examples, studies } = missingStudyExamples(records, await readTaughtStudies(), stored);
    if (examples.length === 0) return;
    held = mergeExamples(held, examples);
    labStore.setState({ memory: summarise(held, labStore.getState().memory.damaged) });
    const problem = await saveExamples(examples);
    notice(
      `The meta-model memory lacked ${examples.length} example(s) of ${studies} saved stud${studies === 1 ? 'y' : 'ies'} (the browser may have cleared part of its storage); they were rebuilt from the saved studies${problem ? `, but could not be stored: ${problem}` : ''}.`,
    );
  } catch (e) {
    notice(
      `Could not check the meta-model memory against the saved studies (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
}

/** Every example the lab knows, for a study's meta-model (the caller filters by fidelity). */
export async function memoryExamples(): Promise<MetaExample[]> {
  return labStore.getState().memory.loaded ? held : refreshMemory();
}

/**
 * Adds examples (a study's or an audit's); held in the page even when storage fails. `studyId` names
 * the saved study they came from, so a memory the browser clears can be rebuilt from its record.
 */
export async function rememberExamples(examples: readonly MetaExample[], studyId?: string): Promise<void> {
  if (studyId) await markStudyTaught(studyId);
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
    await forgetTaughtStudies();
  } catch (e) {
    notice(`Could not clear the stored meta-model memory (${e instanceof Error ? e.message : String(e)}).`);
  }
  labStore.setState({ memory: summarise([], 0) });
}
