import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDEABLE, classroomSearch, parseClassroomParams } from './classroomParams';

describe('parseClassroomParams', () => {
  it('defaults to the lab view with nothing hidden or locked', () => {
    expect(parseClassroomParams('')).toEqual({ view: 'lab', hide: [], lock: false, debug: false, problems: [] });
    expect(parseClassroomParams('?preset=tiny&backend=wasm').problems).toEqual([]);
  });

  it('reads a lesson link', () => {
    const p = parseClassroomParams('?preset=tiny&view=present&hide=settings,preset,backendCheck&lock=1');
    expect(p).toMatchObject({ view: 'present', hide: ['settings', 'preset', 'backendCheck'], lock: true, problems: [] });
  });

  it('accepts repeated hide, spaces, other case and duplicates', () => {
    const p = parseClassroomParams('?hide=Settings,%20preset&hide=settings&hide=&lock=true&debug=1');
    expect(p.hide).toEqual(['settings', 'preset']);
    expect(p.lock).toBe(true);
    expect(p.debug).toBe(true);
    expect(p.problems).toEqual([]);
  });

  it('reports unknown names and keeps the known ones', () => {
    const p = parseClassroomParams('?hide=settings,bogus,<script>&view=slides&lock=maybe');
    expect(p.hide).toEqual(['settings']);
    expect(p.view).toBe('lab');
    expect(p.lock).toBe(false);
    expect(p.problems).toHaveLength(3);
    expect(p.problems[0]).toContain('Unknown view "slides"');
    expect(p.problems[1]).toContain('Unknown names in hide: "bogus", "<script>"');
    expect(p.problems[2]).toContain('Expected lock to be 1 or 0, but got "maybe"');
  });

  it('bounds what it reads', () => {
    expect(parseClassroomParams(`?hide=${'x'.repeat(3000)}`)).toMatchObject({ hide: [], problems: [expect.stringContaining('too long')] });
    const many = parseClassroomParams(`?hide=${Array(60).fill('settings').join(',')}`);
    expect(many.hide).toEqual(['settings']);
    expect(many.problems[0]).toContain('first 40');
    const long = parseClassroomParams(`?view=${'v'.repeat(200)}`);
    expect(long.problems[0].length).toBeLessThan(120);
  });

  it('never throws and only returns known names, whatever the input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      const p = parseClassroomParams(s);
      expect(p.hide.every((h) => (HIDEABLE as readonly string[]).includes(h))).toBe(true);
      expect(['lab', 'present']).toContain(p.view);
    }));
  });

  it('round-trips through classroomSearch', () => {
    const p = { view: 'present' as const, hide: ['settings' as const, 'run' as const], lock: true };
    expect(classroomSearch(p)).toBe('?view=present&hide=settings,run&lock=1');
    expect(parseClassroomParams(classroomSearch(p))).toMatchObject({ ...p, problems: [] });
    expect(classroomSearch({ view: 'lab', hide: [], lock: false })).toBe('');
  });
});
