import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDEABLE, classroomSearch, parseClassroomParams } from './classroomParams';

describe('parseClassroomParams', () => {
  it('defaults to the lab view with nothing hidden or locked', () => {
    expect(parseClassroomParams('')).toEqual({
      view: 'lab',
      hide: [],
      lock: false,
      replay: null,
      debug: false,
      problems: [],
    });
    expect(parseClassroomParams('?preset=tiny&backend=wasm').problems).toEqual([]);
  });

  it('reads a lesson link', () => {
    const p = parseClassroomParams('?preset=tiny&view=present&hide=settings,preset,backendCheck&lock=1');
    expect(p).toMatchObject({
      view: 'present',
      hide: ['settings', 'preset', 'backendCheck'],
      lock: true,
      problems: [],
    });
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
    expect(p.problems[1]).toContain('Unknown names in hide: "bogus", a value with disallowed characters');
    expect(p.problems[2]).toContain('Expected lock to be 1 or 0, but got "maybe"');
  });

  it('looks flags up as own properties only: prototype names are reported, never a flag', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const p = parseClassroomParams(`?debug=${name}&lock=${name}`);
      expect(p.debug).toBe(false);
      expect(p.lock).toBe(false);
      expect(p.problems).toEqual([
        `Expected lock to be 1 or 0, but got "${name}"; it was ignored.`,
        `Expected debug to be 1 or 0, but got "${name}"; it was ignored.`,
      ]);
    }
    expect(parseClassroomParams('?hide=constructor,__proto__').hide).toEqual([]);
  });

  it('never echoes markup, bidi or control characters', () => {
    const unsafe = [
      '<script>alert(1)</script>',
      'a\u202Eb',
      'x\u0000y',
      '"><img src=x onerror=alert(1)>',
      'a\u2066b',
      'javascript:alert(1)',
    ];
    for (const u of unsafe) {
      const p = parseClassroomParams(
        `?view=${encodeURIComponent(u)}&hide=${encodeURIComponent(u)}&lock=${encodeURIComponent(u)}`,
      );
      expect(p.problems).toHaveLength(3);
      for (const text of p.problems) {
        expect(text).toContain('a value with disallowed characters');
        expect(text).not.toMatch(/[<>\u0000-\u001f\u202a-\u202e\u2066-\u2069]|javascript:/);
      }
    }
  });

  it('bounds what it reads', () => {
    expect(parseClassroomParams(`?hide=${'x'.repeat(3000)}`)).toMatchObject({
      hide: [],
      problems: [expect.stringContaining('too long')],
    });
    const many = parseClassroomParams(`?hide=${Array(60).fill('settings').join(',')}`);
    expect(many.hide).toEqual(['settings']);
    expect(many.problems[0]).toContain('first 40');
    const long = parseClassroomParams(`?view=${'v'.repeat(200)}`);
    expect(long.problems[0]).toBe('Unknown view a 200-character value; expected one of lab, present.');
  });

  it('never throws and only returns known names, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const p = parseClassroomParams(s);
        expect(p.hide.every((h) => (HIDEABLE as readonly string[]).includes(h))).toBe(true);
        expect(['lab', 'present']).toContain(p.view);
      }),
    );
  });

  it('round-trips through classroomSearch', () => {
    const p = { view: 'present' as const, hide: ['settings' as const, 'run' as const], lock: true };
    expect(classroomSearch(p)).toBe('?view=present&hide=settings,run&lock=1');
    expect(parseClassroomParams(classroomSearch(p))).toMatchObject({ ...p, problems: [] });
    expect(classroomSearch({ view: 'lab', hide: [], lock: false })).toBe('');
  });
});
