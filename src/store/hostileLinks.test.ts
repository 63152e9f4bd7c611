// The hostile corpus (../testing/hostileLinks, over 1,000 links) through the page's launch path in
// Node, as main.tsx runs it: the query repaired and read as tfjs reads it, then openLaunchLink on a
// fresh store. Counts: 0 throws, 0 hangs, 0 unsafe echoes, no prototype pollution, flags only from
// their own values, every valid link opened, and no accepted study beyond the machine's means.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONFIGURATIONS } from '../core/schedulers/planLimits';
import { SAFE_TEXT } from '../core/study/studySchema';
import { initStudy } from '../core/study/studyMachine';
import { studyProblems } from '../core/study/studyProblems';
import { MAX_STUDY_SECONDS } from '../core/study/studyEstimate';
import { hostileLinks, tfjsQueryParams, UNSAFE_ECHO } from '../testing/hostileLinks';
import { MALICIOUS, type HostileLink } from '../testing/hostileText';
import { repairQuery, REPAIRED_QUERY_NOTICE } from '../core/link/launchParams';
import { openLaunchLink } from './shareLink';
import { labStore } from './labStore';
import { pageEstimate } from './machine';

const cpuMs = (f: () => void) => {
  const t = process.cpuUsage();
  f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};
const FLAG_ON = ['', '1', 'true', 'yes'];

interface Outcome {
  link: HostileLink;
  threw: string | null;
  ms: number;
  unsafe: string[];
  verdict: 'problems' | 'refused' | 'confirm' | 'ok';
  planMs: number;
}

describe('the hostile link corpus in Node', () => {
  const corpus = hostileLinks();
  const initial = labStore.getState();
  const outcomes: Outcome[] = [];

  beforeAll(() => {
    for (const link of corpus) {
      labStore.setState(initial, true);
      let threw: string | null = null;
      let debug = false;
      // As the page: the query repaired first (ui/repairLocation), then what tfjs reads of it, then the launch.
      const ms = cpuMs(() => {
        try {
          const { search, repaired } = repairQuery(link.search);
          tfjsQueryParams(search);
          debug = openLaunchLink(search, link.hash, repaired ? [REPAIRED_QUERY_NOTICE] : []).debug;
        } catch (e) {
          threw = String(e);
        }
      });
      const s = labStore.getState();
      const strings: string[] = [...s.linkProblems];
      JSON.stringify(s.definition, (_, v: unknown) => (typeof v === 'string' && strings.push(v), v));
      const unsafe = strings.filter((t) => UNSAFE_ECHO.test(t));
      for (const t of [s.definition.name, ...s.classroom.hide]) if (!SAFE_TEXT.test(t)) unsafe.push(t);
      const params = new URLSearchParams(link.search.length <= 2048 ? repairQuery(link.search).search : '');
      if (debug && !FLAG_ON.includes((params.get('debug') ?? 'x').toLowerCase()))
        unsafe.push(`debug turned on by ${params.get('debug')}`);
      if (s.classroom.lock && !FLAG_ON.includes((params.get('lock') ?? 'x').toLowerCase()))
        unsafe.push(`lock turned on by ${params.get('lock')}`);
      let verdict: Outcome['verdict'] = 'problems';
      let planMs = 0;
      if (studyProblems(s.definition).length === 0) {
        const e = pageEstimate(s, s.definition)!;
        verdict = e.verdict === 'refuse' ? 'refused' : e.verdict;
        if (verdict !== 'refused') {
          // Accepted: within the machine's means, and its plan is bounded work.
          if (!(e.memoryPerTrialBytes <= e.memoryLimitBytes && e.seconds <= MAX_STUDY_SECONDS))
            unsafe.push('accepted beyond means');
          planMs = cpuMs(() => {
            const st = initStudy(s.definition);
            if (st.configs.length > MAX_CONFIGURATIONS) unsafe.push('too many configurations');
          });
        }
      }
      outcomes.push({ link, threw, ms, unsafe, verdict, planMs });
    }
  });

  it('has over 1,000 links of every kind, and a detector that sees what they carry', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    // Echoed raw, most malicious values would be caught (the old query messages quoted them verbatim).
    expect(MALICIOUS.filter((m) => UNSAFE_ECHO.test(`Unknown preset "${m.slice(0, 40)}"`)).length).toBeGreaterThan(15);
    for (const kind of ['garbled', 'corrupted', 'query', 'payload', 'valid'])
      expect(corpus.filter((l) => l.kind === kind).length, kind).toBeGreaterThan(50);
  });

  it('0 throws, 0 hangs, 0 unsafe echoes, no pollution, nothing accepted beyond the means', () => {
    const throws = outcomes.filter((o) => o.threw);
    const hangs = outcomes.filter((o) => o.ms > 100 || o.planMs > 50);
    const unsafe = outcomes.filter((o) => o.unsafe.length > 0);
    const count = (v: Outcome['verdict']) => outcomes.filter((o) => o.verdict === v).length;
    console.log(
      `[hostile corpus, Node] ${outcomes.length} links: ${throws.length} throws, ${hangs.length} hangs, ${unsafe.length} unsafe echoes; ` +
        `studies shown: ${count('ok')} runnable, ${count('confirm')} runnable after a confirmation, ${count('refused')} refused by the estimate, ${count('problems')} with problems (Run disabled); ` +
        `slowest open ${Math.max(...outcomes.map((o) => o.ms)).toFixed(1)} ms CPU, slowest plan ${Math.max(...outcomes.map((o) => o.planMs)).toFixed(1)} ms CPU`,
    );
    expect(throws.map((o) => `${o.link.label}: ${o.threw}`)).toEqual([]);
    expect(hangs.map((o) => `${o.link.label}: ${o.ms.toFixed(0)} ms, plan ${o.planMs.toFixed(0)} ms`)).toEqual([]);
    expect(unsafe.map((o) => `${o.link.label}: ${o.unsafe.join(' | ').slice(0, 200)}`)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(count('refused')).toBeGreaterThan(0); // the impossible budgets were seen, and refused
  });

  it('opens every valid link without a notice, and every link that breaks something says so', () => {
    for (const o of outcomes.filter((x) => x.link.kind === 'valid')) {
      expect(o.verdict, o.link.label).not.toBe('problems');
    }
    // A non-empty fragment is never ignored silently: it opens a study or gets a notice.
    for (const o of outcomes.filter((x) => x.link.hash.length > 1 && x.link.kind !== 'valid')) {
      labStore.setState(initial, true);
      openLaunchLink('', o.link.hash);
      const s = labStore.getState();
      const opened = s.definition !== initial.definition;
      expect(opened || s.linkProblems.length > 0, o.link.label).toBe(true);
    }
  });
});
