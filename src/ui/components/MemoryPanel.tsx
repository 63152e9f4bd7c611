// The meta-model's memory across studies: how many examples, from how many studies, per full
// fidelity, how many fit the study being edited; clear (confirmed in the page), export and import.
import { useRef, useState } from 'react';
import { describeFidelity, parseFidelityKey } from '../../core/metaModel/memory';
import { clearMemory } from '../../store/memory';
import { exportMemory, importMemory } from '../../store/memoryTransfer';
import { MAX_MEMORY_FILE_CHARS } from '../../core/metaModel/memoryFile';
import { useLab } from '../../store/labStore';
import { useStudyFidelity } from './useStudyFidelity';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function MemoryPanel() {
  const { loaded, count, byFidelity, studies, damaged } = useLab((s) => s.memory);
  const { fidelity, matching, ownRun } = useStudyFidelity();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const onImport = async (f: File | undefined) => {
    if (!f) return;
    // Refused before it is read: reading a file of gigabytes could exhaust the tab's memory.
    if (f.size > MAX_MEMORY_FILE_CHARS)
      setNote(
        `${f.name} is ${(f.size / 1e6).toFixed(0)} MB, more than the ${MAX_MEMORY_FILE_CHARS / 1e6} MB a memory file may have.`,
      );
    else setNote(await importMemory(await f.text()));
    if (file.current) file.current.value = '';
  };
  const onClear = async () => {
    setConfirming(false);
    await clearMemory();
    setNote('The meta-model memory is empty.');
  };
  const fidelities = Object.entries(byFidelity).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));

  return (
    <Panel title="Meta-model memory" testId="memory-panel" data={{ count, damaged }}>
      <p data-testid="memory-summary">
        {!loaded
          ? 'Reading the examples earlier studies left…'
          : count === 0
            ? 'No examples yet: every finished study adds its configurations that reached full fidelity.'
            : `${plural(count, 'example', 'examples')} from ${plural(studies, 'study', 'studies')}.`}
      </p>
      {fidelities.length > 0 && (
        <ul data-testid="memory-fidelities">
          {fidelities.map(([key, n]) => {
            const f = parseFidelityKey(key);
            return (
              <li key={key}>
                {f ? describeFidelity(f) : key}: {plural(n, 'example', 'examples')}
              </li>
            );
          })}
        </ul>
      )}
      {count > 0 && (
        <p data-testid="memory-matching">
          {fidelity
            ? `${matching} of them match${matching === 1 ? 'es' : ''} the study being edited (${describeFidelity(fidelity)})${ownRun > 0 ? `; ${ownRun} more ${ownRun === 1 ? 'is' : 'are'} from an earlier run of this same study and seed, which its meta-model leaves out` : ''}.`
            : 'The study being edited has no valid full fidelity yet.'}
        </p>
      )}
      {damaged > 0 && (
        <Notice tone="warning" testId="memory-damaged">
          {plural(damaged, 'stored record is', 'stored records are')} damaged and ignored; Clear memory removes{' '}
          {damaged === 1 ? 'it' : 'them'}.
        </Notice>
      )}
      <div className="controls">
        <button onClick={() => void exportMemory()} disabled={count === 0}>
          Export examples (JSON)
        </button>
        <label className="file">
          Import examples{' '}
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            data-testid="memory-import"
            onChange={(e) => void onImport(e.target.files?.[0])}
          />
        </label>
        {!confirming ? (
          <button onClick={() => setConfirming(true)} disabled={count === 0 && damaged === 0}>
            Clear memory
          </button>
        ) : (
          <span role="group" aria-label="Confirm clearing" data-testid="memory-confirm">
            Forget {plural(count, 'example', 'examples')}? This cannot be undone.{' '}
            <button onClick={() => void onClear()}>Yes, clear memory</button>{' '}
            <button onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        )}
        {note && (
          <Notice tone="info" as="span" live="status" testId="memory-note">
            {note}
          </Notice>
        )}
      </div>
    </Panel>
  );
}
