// Lesson links: which view opens, which controls a teacher hides and whether the study settings are
// locked, as TensorFlow Playground's `<prop>_hide` (here `?view=present&hide=settings,preset&lock=1`).
// Pure, validated and size-bounded; unknown names are reported, never thrown. Lookups in tables are
// own-property only (?lock=constructor is not a flag value), and messages quote only safe text.
import { quoteInput } from '../study/studySchema';
import { parseReplayParams, type ReplayLink } from './replayParams';

export const VIEWS = ['lab', 'present'] as const;
export type LabView = (typeof VIEWS)[number];

/** Panels and controls a link may hide; chart ids hide single charts of the dashboard. */
export const HIDEABLE = [
  'dataset',
  'compute',
  'preset',
  'settings',
  'plan',
  'run',
  'rungs',
  'ranking',
  'backendCheck',
  'landscape',
  'replay',
  'library',
  'dashboard',
  'presentToggle',
  'export',
  'tuningCurves',
  'trainingCurves',
  'rungLadder',
  'parallelCoordinates',
  'importance',
  'slices',
  'predictedVsActual',
] as const;
export type Hideable = (typeof HIDEABLE)[number];

export interface ClassroomParams {
  view: LabView;
  hide: Hideable[];
  /** Study settings and preset are read-only. */
  lock: boolean;
  /** A replayed study from the learning-curve table to open (./replayParams). */
  replay: ReplayLink | null;
  /** Exposes the store as window.__llpStore for tests and benchmarks. */
  debug: boolean;
  problems: string[];
}

const MAX_SEARCH_CHARS = 2048;
const MAX_HIDE_NAMES = 40;
const FLAG_VALUES: Record<string, boolean> = {
  '': true,
  '1': true,
  true: true,
  yes: true,
  '0': false,
  false: false,
  no: false,
};

const quote = quoteInput;

function parseFlag(name: string, raw: string | null, problems: string[]): boolean {
  if (raw === null) return false;
  const key = raw.toLowerCase();
  if (Object.hasOwn(FLAG_VALUES, key)) return FLAG_VALUES[key];
  problems.push(`Expected ${name} to be 1 or 0, but got ${quote(raw)}; it was ignored.`);
  return false;
}

export function parseClassroomParams(search: string): ClassroomParams {
  const out: ClassroomParams = { view: 'lab', hide: [], lock: false, replay: null, debug: false, problems: [] };
  if (search.length > MAX_SEARCH_CHARS) {
    out.problems.push(
      `The link is too long (over ${MAX_SEARCH_CHARS.toLocaleString('en')} characters); its lesson options were ignored.`,
    );
    return out;
  }
  const params = new URLSearchParams(search);

  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) out.view = view as LabView;
    else out.problems.push(`Unknown view ${quote(view)}; expected one of ${VIEWS.join(', ')}.`);
  }

  // hide=a,b and repeated hide=a&hide=b both work; case and spaces around names are forgiven.
  const names = params
    .getAll('hide')
    .flatMap((h) => h.split(','))
    .map((h) => h.trim())
    .filter(Boolean);
  if (names.length > MAX_HIDE_NAMES) out.problems.push(`Only the first ${MAX_HIDE_NAMES} names in hide were read.`);
  const unknown: string[] = [];
  for (const name of names.slice(0, MAX_HIDE_NAMES)) {
    const known = HIDEABLE.find((h) => h.toLowerCase() === name.toLowerCase());
    if (!known) unknown.push(name);
    else if (!out.hide.includes(known)) out.hide.push(known);
  }
  if (unknown.length > 0) {
    out.problems.push(
      `Unknown name${unknown.length === 1 ? '' : 's'} in hide: ${unknown.map(quote).join(', ')}; expected any of ${HIDEABLE.join(', ')}.`,
    );
  }

  out.lock = parseFlag('lock', params.get('lock'), out.problems);
  out.debug = parseFlag('debug', params.get('debug'), out.problems);
  out.replay = parseReplayParams(params, out.problems);
  return out;
}

/** The query string for a lesson link (the inverse of parseClassroomParams for its own fields). */
export function classroomSearch(p: Pick<ClassroomParams, 'view' | 'hide' | 'lock'>): string {
  const params = new URLSearchParams();
  if (p.view !== 'lab') params.set('view', p.view);
  if (p.hide.length > 0) params.set('hide', p.hide.join(','));
  if (p.lock) params.set('lock', '1');
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
