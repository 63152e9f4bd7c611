// The hostile import-file corpus (src/testing/hostileFiles) through the lab's import functions
// and what the page does next, in Node: counts of escaping throws, hangs over 2 s, out-of-domain
// accepts, accepted-then-lost, unsaveable accepts, prototype pollution and valid variants refused,
// and the peak retained memory while reading the largest files (after a forced gc).
// Run: npm run bench:imports  (node --expose-gc through tsx)
import { FILE_KINDS } from '../src/testing/hostileFileSeeds';
import { hostileFiles, largeHostileFiles, type HostileFile } from '../src/testing/hostileFiles';
import { fitsDone, polluted, runImport, UNSAFE_MESSAGE, type ImportOutcome } from '../src/testing/hostileImportRun';

const HANG_MS = 2000;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMiB = () => process.memoryUsage().heapUsed / 2 ** 20;

/**
 * Memory while one large file is read: the process's resident high-water mark (maxRSS, which a
 * transient spike would raise) before and after, and the heap still held once a gc has run.
 */
function withPeak(file: HostileFile): { outcome: ImportOutcome; maxRssMiB: number; retainedMiB: number } {
  gc?.();
  const before = heapMiB();
  const outcome = runImport(file);
  gc?.();
  return { outcome, maxRssMiB: process.resourceUsage().maxRSS / 1024, retainedMiB: heapMiB() - before };
}

function main() {
  if (!gc) console.warn('Run with node --expose-gc for a forced gc before each large file (npm run bench:imports).');
  const t0 = Date.now();
  // The large files first, so the resident high-water mark before each is the generator's, not the corpus's.
  const large = largeHostileFiles().map((f) => {
    const rssBefore = process.resourceUsage().maxRSS / 1024;
    const r = withPeak(f);
    return { ...r, size: f.text.length, rssBefore };
  });
  const outcomes = hostileFiles().map(runImport);
  const all = [...outcomes, ...large.map((l) => l.outcome)];
  const count = (p: (o: ImportOutcome) => boolean) => all.filter(p).length;
  const byKind = FILE_KINDS.map((k) => `${k} ${all.filter((o) => o.file.kind === k).length}`).join(', ');
  const valid = all.filter((o) => o.file.mustAccept);
  const lines = [
    `[hostile imports, Node] ${all.length} files (${byKind}); ${valid.length} valid variants`,
    `escaping throws: ${count((o) => o.threw !== null)}`,
    `hangs over 2 s: ${count((o) => o.importMs > HANG_MS || o.downstreamMs > HANG_MS)}`,
    `silent out-of-domain accepts: ${count((o) => o.accepted && o.outOfDomain.length > 0)}`,
    `accepted-then-lost: ${count((o) => o.lost !== null)}`,
    `unsaveable accepts: ${count((o) => o.unsaveable !== null)}`,
    `unsafe or empty messages: ${count((o) => !o.accepted && (o.message.length < 10 || UNSAFE_MESSAGE.test(o.message)))}`,
    `prototype pollution: ${polluted() ? 'yes' : 0}`,
    `valid variants accepted: ${valid.filter((o) => o.accepted).length} of ${valid.length}`,
    `accepted ${count((o) => o.accepted)}, refused ${count((o) => !o.accepted)}; meta-model fits on accepted data: ${fitsDone()}`,
    `slowest import ${Math.max(...all.map((o) => o.importMs)).toFixed(0)} ms CPU, slowest downstream ${Math.max(...all.map((o) => o.downstreamMs)).toFixed(0)} ms CPU`,
    ...large.map(
      (l) =>
        `large: ${l.outcome.file.label} (${(l.size / 2 ** 20).toFixed(1)} Mi chars): ${l.outcome.accepted ? 'accepted' : 'refused'} in ${l.outcome.importMs.toFixed(0)} ms, max RSS ${l.rssBefore.toFixed(0)} -> ${l.maxRssMiB.toFixed(0)} MiB, heap retained after gc ${l.retainedMiB.toFixed(1)} MiB; ${l.outcome.message.slice(0, 120)}`,
    ),
    `max RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
  const bad = all.filter(
    (o) =>
      o.threw ||
      o.lost ||
      o.unsaveable ||
      (o.accepted && o.outOfDomain.length > 0) ||
      (o.file.mustAccept && !o.accepted) ||
      o.importMs > HANG_MS ||
      o.downstreamMs > HANG_MS,
  );
  for (const o of bad.slice(0, 30))
    console.log(
      `  ${o.file.label}: ${o.threw ?? o.lost ?? o.unsaveable ?? (o.outOfDomain.join('; ').slice(0, 200) || o.message.slice(0, 200))} (${o.importMs.toFixed(0)}/${o.downstreamMs.toFixed(0)} ms)`,
    );
  process.exitCode = bad.length > 0 || polluted() ? 1 : 0;
}

main();
