// Scale-out: a study as a runnable, distributed Optuna worker (Akiba et al. 2019). The worker is one
// readable Python file (./optunaWorker.py); the exporter writes the study's payload (./optunaStudy:
// definition, rung ladder, pruner, budget, data checksums) into it. Its results come back through
// ./importResults.
import worker from './optunaWorker.py?raw';
import { optunaPayload } from './optunaStudy';
import type { StudyDefinition } from '../study/studyDefinition';

const QUOTES = "'''";
const SLOT = `STUDY = json.loads(r${QUOTES}{}${QUOTES})`;

export function exportOptunaScript(def: StudyDefinition): string {
  if (!worker.includes(SLOT)) throw new Error('optunaWorker.py has lost its STUDY slot');
  // A raw triple-quoted string holds any JSON once its single quotes are escaped (JSON reads \u0027).
  const json = JSON.stringify(optunaPayload(def), null, 1).replace(/'/g, '\\u0027');
  const title = `# Study "${def.name.replace(/[\r\n]/g, ' ')}" of Loss Landscape Probe, exported for Optuna: run it with --help.\n`;
  // Function replacements: a "$" in the study must not read as a replacement pattern.
  return worker
    .replace(SLOT, () => `STUDY = json.loads(r${QUOTES}${json}${QUOTES})`)
    .replace(/^#!.*\n/, (shebang) => shebang + title);
}
