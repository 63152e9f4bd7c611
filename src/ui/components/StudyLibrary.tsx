// Saved studies: open, re-run, delete, export as JSON or CSV, and import a JSON export.
import { useRef, useState } from 'react';
import { openSavedStudy, startStudy } from '../../app/page';
import { useLab, labStore } from '../../store/labStore';
import { MAX_IMPORT_CHARS } from '../../core/interop/importResults';
import {
  deleteSavedStudy,
  exportOptuna,
  exportStudyJson,
  exportTrialsCsv,
  importExternalResults,
  importStudyJson,
  loadSavedStudy,
} from '../../store/persistence';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { formatPercent } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

async function rerun(id: string) {
  const record = await loadSavedStudy(id);
  if (!record) return;
  labStore.setState({ definition: record.state.definition });
  await startStudy();
}

export function StudyLibrary() {
  const saved = useLab((s) => s.savedStudies);
  const busy = useLab((s) => s.busy);
  const current = useLab((s) => s.study);
  const file = useRef<HTMLInputElement>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  const idle = busy === 'idle';
  // A file too large is refused before it is read: reading it could exhaust the tab's memory.
  const tooLarge = (f: File) =>
    f.size > MAX_IMPORT_CHARS &&
    `${f.name} is ${(f.size / 2 ** 20).toFixed(0)} MiB, more than the ${MAX_IMPORT_CHARS / 2 ** 20} MiB an import may have: it was not imported.`;
  const onImport = async (f: File | undefined) => {
    if (!f) return;
    const refused = tooLarge(f);
    const problem = refused || (await importStudyJson(await f.text()));
    setImportNote(problem ?? `Imported ${f.name}.`);
    if (file.current) file.current.value = '';
  };
  return (
    <Panel title="Saved studies" testId="study-library">
      <div className="controls">
        <button onClick={() => void exportStudyJson(null)} disabled={!current}>
          Export current study (JSON)
        </button>
        <button onClick={() => void exportTrialsCsv(null)} disabled={!current}>
          Export trials (CSV)
        </button>
        <label className="file">
          Import study (JSON){' '}
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onImport(e.target.files?.[0])}
          />
        </label>
        <button onClick={exportOptuna}>Export for Optuna (Python)</button>
        <label className="file">
          Import Optuna results (JSON/CSV){' '}
          <input
            type="file"
            accept=".json,.csv"
            disabled={busy !== 'idle'}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f)
                void (tooLarge(f) ? Promise.resolve(tooLarge(f) as string) : f.text().then(importExternalResults)).then(
                  setImportNote,
                );
              e.target.value = '';
            }}
          />
        </label>
        {importNote && (
          <Notice tone="info" as="span" live="status" testId="import-note">
            {importNote}
          </Notice>
        )}
      </div>
      {saved.length === 0 ? (
        <Notice tone="info">Studies are saved in this browser as they run.</Notice>
      ) : (
        <TableScroll label="Saved studies">
          <table>
            <thead>
              <tr>
                <th>study</th>
                <th>state</th>
                <th>trials</th>
                <th>best val acc (highest rung)</th>
                <th>saved</th>
                <th>
                  <span className="visually-hidden">actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {saved.map((s) => (
                <tr key={s.id} data-testid="saved-study" data-phase={s.phase}>
                  <td>{s.name}</td>
                  <td>{s.phase}</td>
                  <td>
                    {s.completed} / {s.trials}
                  </td>
                  <td>{formatPercent(s.best)}</td>
                  <td>{new Date(s.updatedAt).toLocaleString()}</td>
                  <td className="actions">
                    <button onClick={() => void openSavedStudy(s.id)} disabled={!idle}>
                      Open
                    </button>
                    <button onClick={() => void rerun(s.id)} disabled={!idle}>
                      Re-run
                    </button>
                    <button onClick={() => void exportStudyJson(s.id)}>JSON</button>
                    <button onClick={() => void exportTrialsCsv(s.id)}>CSV</button>
                    <button onClick={() => void deleteSavedStudy(s.id)} disabled={!idle}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Panel>
  );
}
