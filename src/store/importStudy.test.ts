// Importing a study file: a malformed, oversized, damaged or newer one gets a message naming why
// and changes nothing (nothing is saved: in Node there is no IndexedDB, so a save would report a
// storage failure instead of the refusal checked here).
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/study/presets';
import { initStudy } from '../core/study/studyMachine';
import { MAX_IMPORT_CHARS } from '../core/interop/importResults';
import { labStore } from './labStore';
import { importStudyJson } from './persistence';

const record = {
  v: 2,
  id: 'abc-1',
  createdAt: 1,
  updatedAt: 2,
  state: initStudy(PRESETS[0].study),
  curves: {},
  probes: {},
  initGradientNorms: {},
  backend: null,
};

describe('importStudyJson', () => {
  it('refuses bad files with a message and leaves the lab as it was', async () => {
    const before = labStore.getState();
    const cases: [string, string | RegExp][] = [
      ['{"v": 2, "id": ', 'The file was not imported: the file is not valid JSON (truncated or corrupt).'],
      ['\uFEFF[1, 2', 'The file was not imported: the file is not valid JSON (truncated or corrupt).'],
      [
        ' '.repeat(MAX_IMPORT_CHARS + 1),
        'The file was not imported: the file is 64.0 MiB, more than the 64 MiB it may have.',
      ],
      [
        JSON.stringify({ ...record, v: 7 }),
        'The imported file was written by a newer version of the lab (study record version 7); this page reads versions 1 to 2. Reload the page to update the lab.',
      ],
      [
        JSON.stringify({ ...record, state: { ...record.state, definition: { ...record.state.definition, v: 3 } } }),
        /\(study format version 3\); this page reads versions 1 to 2/,
      ],
      [
        JSON.stringify({ ...record, state: { ...record.state, phase: 'exploded' } }),
        "The imported file is damaged and was not opened: state.phase: expected 'running', 'finished' or 'stopped', got 'exploded'.",
      ],
      [
        JSON.stringify({ ...record, id: '<img src=x onerror=alert(1)>' }),
        'The imported file is damaged and was not opened: it has no valid id.',
      ],
    ];
    for (const [text, message] of cases) {
      const got = await importStudyJson(text);
      if (typeof message === 'string') expect(got).toBe(message);
      else expect(got).toMatch(message);
    }
    expect(labStore.getState()).toBe(before);
  });
});
