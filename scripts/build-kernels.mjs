// Builds our wasm kernels with Debian's clang-19 + lld-19: src/training/fmaKernels/gemm.c in a
// relaxed-SIMD and a plain-SIMD build, and bench/kernels/peak.c (the FMA ceiling bench:kernels
// prints). The .wasm files are committed, so `npm install` needs no compiler; `--check` rebuilds
// into a temporary folder and fails unless every byte agrees (CI runs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const clang = process.env.CLANG ?? 'clang-19';

const FLAGS = ['--target=wasm32', '-O3', '-nostdlib', '-ffreestanding', '-fno-builtin', '-Wall', '-Wextra', '-Werror'];
const LINK = ['-Wl,--no-entry', '-Wl,--strip-all', '-Wl,-z,stack-size=131072', '-Wl,--export=__heap_base'];
const BUILDS = {
  relaxed: ['-msimd128', '-mrelaxed-simd', '-DRELAXED'],
  simd: ['-msimd128'],
};
// The threaded builds import one shared memory, so helper threads run the same kernels on other
// parts of a product (src/training/fmaKernels/fmaTeam.ts); each instance keeps its own stack.
const SHARED = [
  '-matomics',
  '-mbulk-memory',
  '-Wl,--import-memory',
  '-Wl,--shared-memory',
  '-Wl,--max-memory=2147483648',
  '-Wl,--export=__stack_pointer',
];
const TARGETS = [
  ...Object.entries(BUILDS).flatMap(([name, flags]) => [
    { source: 'src/training/fmaKernels/gemm.c', output: `src/training/fmaKernels/gemm-${name}.wasm`, flags },
    {
      source: 'src/training/fmaKernels/gemm.c',
      output: `src/training/fmaKernels/gemm-${name}-shared.wasm`,
      flags: [...flags, ...SHARED],
    },
  ]),
  ...Object.entries(BUILDS).map(([name, flags]) => ({
    source: 'bench/kernels/peak.c',
    output: `bench/kernels/peak-${name}.wasm`,
    flags,
  })),
];

const scratch = mkdtempSync(join(tmpdir(), 'llp-kernels-'));
let stale = 0;
for (const { source, output, flags } of TARGETS) {
  const built = join(scratch, output.replaceAll('/', '_'));
  // Relative paths: nothing of this checkout's location ends up in the module.
  execFileSync(clang, [...FLAGS, ...flags, ...LINK, '-o', built, source], { cwd: root, stdio: 'inherit' });
  if (!check) {
    renameSync(built, join(root, output));
    console.log(`built ${output}`);
    continue;
  }
  const same = readFileSync(built).equals(readFileSync(join(root, output)));
  console.log(`${same ? 'same' : 'DIFFERS'}  ${output}`);
  if (!same) stale++;
}
if (stale > 0) {
  console.error(
    `${stale} committed .wasm file(s) differ from their source: run npm run build:kernels and commit them.`,
  );
  process.exit(1);
}
