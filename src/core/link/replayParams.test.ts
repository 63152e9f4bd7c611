import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPLAY_SCHEDULERS } from '../groundTruth/replayPlans';
import { PAGE_REPLAY_RULES, parseReplayParams, replaySearchParams, type ReplayLink } from './replayParams';

const parse = (search: string) => {
  const problems: string[] = [];
  return { link: parseReplayParams(new URLSearchParams(search), problems), problems };
};

describe('parseReplayParams', () => {
  it('opens no replay without the replay key, and says so when its settings come alone', () => {
    expect(parse('?preset=tiny')).toEqual({ link: null, problems: [] });
    const alone = parse('?replayPool=9');
    expect(alone.link).toBeNull();
    expect(alone.problems[0]).toContain('need replay=<scheduler>');
  });

  it('reads a lesson link, forgiving case and spaces; an empty scheduler is successive halving', () => {
    expect(parse('?replay=HyperBand&replayRule=powerlaw&replayPool=%2027&replayStudy=3')).toEqual({
      link: { scheduler: 'hyperband', rule: 'powerLaw', poolSize: 27, study: 3 },
      problems: [],
    });
    expect(parse('?replay=').link).toEqual({
      scheduler: 'successiveHalving',
      rule: 'accuracy',
      poolSize: null,
      study: 0,
    });
  });

  it('reports each bad value, keeps the good ones and uses defaults for the rest', () => {
    const r = parse('?replay=twoStep&replayRule=metaModel&replayPool=1&replayStudy=-4');
    expect(r.link).toEqual({ scheduler: 'twoStep', rule: 'accuracy', poolSize: null, study: 0 });
    expect(r.problems).toEqual([
      `Unknown replayRule "metaModel"; expected one of ${PAGE_REPLAY_RULES.join(', ')}.`,
      'Expected replayPool to be a whole number from 2 to 1,000, but got "1"; it was ignored.',
      'Expected replayStudy to be a whole number from 0 to 1,000,000, but got "-4"; it was ignored.',
    ]);
    const bad = parse('?replay=<img src=x onerror=alert(1)>');
    expect(bad.link).toBeNull();
    expect(bad.problems[0]).toBe(
      `Unknown replay scheduler a value with disallowed characters; expected one of ${REPLAY_SCHEDULERS.join(', ')}.`,
    );
    expect(parse('?replay=hyperband&replayPool=1e3&replayStudy=0x10').problems).toHaveLength(2);
  });

  it('round-trips every link through its query keys (property)', () => {
    const link = fc.record<ReplayLink>({
      scheduler: fc.constantFrom(...REPLAY_SCHEDULERS),
      rule: fc.constantFrom(...PAGE_REPLAY_RULES),
      poolSize: fc.option(fc.integer({ min: 2, max: 1000 }), { nil: null }),
      study: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(link, (l) => {
        const r = parse(`?${new URLSearchParams(replaySearchParams(l)).toString()}`);
        expect(r).toEqual({ link: l, problems: [] });
      }),
    );
  });
});
