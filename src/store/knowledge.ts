// The meta-model's memory across studies: examples read from IndexedDB (checked, damaged ones
// counted and skipped), added after every study and audit, cleared on request. Every study that
// uses the meta-model rule reads them through knowledgeExamples().
import { checkExamples, fidelityKey, mergeExamples, sourceKey, type MetaExample } from '../core/metaModel/knowledge';
import { clearExamples, readExampleValues, saveExamples } from '../storage/knowledgeStore';
import { forgetTaughtStudies, markStudyTaught, readStudyRecords, readTaughtStudies } from '../storage/studyStore';
import { checkStudyRecord, type CheckedRecord } from '../core/studyRecord';
import { missingStudyExamples } from '../orchestrator/memoryRebuild';
import { labStore, type KnowledgeSummary } from './labStore';
import { notice } from './persistence';

// Kept in memory too: a full quota must not make the lab forget what it learned this session.
let memory: MetaExample[] = [];

function summarise(examples: readonly MetaExample[], damaged: number): KnowledgeSummary {
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

/** Reads the stored examples into memory and the summary into the store. */
export async function refreshKnowledge(): Promise<MetaExample[]> {
  try {
    const { examples, damaged } = checkExamples(await readExampleValues());
    memory = mergeExamples(examples, memory);
    labStore.setState({ knowledge: summarise(memory, damaged) });
    if (damaged > 0) notice(`${damaged} stored meta-model example(s) were damaged and are ignored. Clear the meta-model memory to remove them.`);
  } catch (e) {
    notice(`Could not read the meta-model memory (${e instanceof Error ? e.message : String(e)}); studies start without it.`);
    labStore.setState({ knowledge: summarise(memory, labStore.getState().knowledge.damaged) });
  }
  return memory;
}

/**
 * At page open: the stored memory, plus the examples of saved studies it lacks (the browser may
 * clear one IndexedDB database and keep another), rebuilt from their records and saved again.
 */
export async function restoreKnowledge(): Promise<void> {
  const stored = await refreshKnowledge();
  try {
    const records = (await readStudyRecords()).map(checkStudyRecord).filter((r) => r.ok).map((r) => (r as { record: CheckedRecord }).record);
    const { examples, studies } = missingStudyExamples(records, await readTaughtStudies(), stored);
    if (examples.length === 0) return;
    memory = mergeExamples(memory, examples);
    labStore.setState({ knowledge: summarise(memory, labStore.getState().knowledge.damaged) });
    const problem = await saveExamples(examples);
    notice(`The meta-model memory lacked ${examples.length} example(s) of ${studies} saved stud${studies === 1 ? 'y' : 'ies'} (the browser may have cleared part of its storage); they were rebuilt from the saved studies${problem ? `, but could not be stored: ${problem}` : ''}.`);
  } catch (e) {
    notice(`Could not check the meta-model memory against the saved studies (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/** Every example the lab knows, for a study's meta-model (the caller filters by fidelity). */
export async function knowledgeExamples(): Promise<MetaExample[]> {
  return labStore.getState().knowledge.loaded ? memory : refreshKnowledge();
}

/**
 * Adds examples (a study's or an audit's); kept in memory even when storage fails. `studyId` names
 * the saved study they came from, so a memory the browser clears can be rebuilt from its record.
 */
export async function rememberExamples(examples: readonly MetaExample[], studyId?: string): Promise<void> {
  if (studyId) await markStudyTaught(studyId);
  if (examples.length === 0) return;
  if (!labStore.getState().knowledge.loaded) await refreshKnowledge();
  memory = mergeExamples(memory, examples);
  labStore.setState({ knowledge: summarise(memory, labStore.getState().knowledge.damaged) });
  const problem = await saveExamples(examples);
  if (problem) notice(problem);
}

/** Forgets every example, stored and in memory. */
export async function clearKnowledge(): Promise<void> {
  memory = [];
  try {
    await clearExamples();
    await forgetTaughtStudies();
  } catch (e) {
    notice(`Could not clear the stored meta-model memory (${e instanceof Error ? e.message : String(e)}).`);
  }
  labStore.setState({ knowledge: summarise([], 0) });
}
