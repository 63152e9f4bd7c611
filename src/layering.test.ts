// Holds the architecture's line: imports point down only,
// ui -> app -> store -> orchestrator -> workers -> training -> core, and core is pure TypeScript.
// app is the page's composition root (workers, data, the running study); the store holds facts only.
// src/testing is test support, not production: it may import any layer, and no production file imports it.
// eslint.config.js holds the same line file by file (no-restricted-imports): change the two together.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const LAYERS = ['core', 'training', 'workers', 'orchestrator', 'storage', 'store', 'app', 'ui'] as const;
// storage sits beside the orchestrator: both may use it; it uses only core.
const RANK: Record<(typeof LAYERS)[number], number> = {
  core: 0,
  training: 1,
  workers: 2,
  storage: 3,
  orchestrator: 3,
  store: 4,
  app: 5,
  ui: 6,
};

const TEST_SUPPORT = join(root, 'src', 'testing');

/** Production files: no tests, and nothing under src/testing. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === TEST_SUPPORT) return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): (typeof LAYERS)[number] | null {
  const rel = relative(root, path);
  if (rel.startsWith('workers/')) return 'workers';
  const m = rel.match(/^src\/([a-z]+)\//);
  return m && (LAYERS as readonly string[]).includes(m[1]) ? (m[1] as (typeof LAYERS)[number]) : null;
}

const imports = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);

/** Imports that stay in the bundle: not `import type`, not a braces list of `type` names only. */
const valueImports = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)\s+(type\s)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm)]
    .filter(([, type, clause]) => !type && !/^\{(\s*type\s[^,}]+,?)+\s*\}$/.test(clause))
    .map((m) => m[3]);

/** Every module the page's entry reaches by static imports (Web Workers and import() are their own chunks). */
function staticGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (graph.has(file)) continue;
    const specs = valueImports(file);
    graph.set(file, specs);
    for (const spec of specs.filter((s) => s.startsWith('.'))) {
      const base = join(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`].find((p) => existsSync(p) && statSync(p).isFile());
      if (found) queue.push(found);
    }
  }
  return graph;
}

describe('layering', () => {
  const all = [...files(join(root, 'src')), ...files(join(root, 'workers'))];

  it('imports point down only', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      if (!from) continue;
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        const to = layerOf(join(file, '..', spec) + '.ts');
        if (to && RANK[to] > RANK[from]) violations.push(`${relative(root, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('production never imports test support (src/testing)', () => {
    const violations: string[] = [];
    for (const file of all) {
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        if (relative(TEST_SUPPORT, join(file, '..', spec)).split(/[\\/]/)[0] !== '..')
          violations.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('core is pure: no tfjs, React, DOM storage or Node modules, and no Math.random', () => {
    const violations: string[] = [];
    for (const file of all.filter((f) => layerOf(f) === 'core')) {
      for (const spec of imports(file))
        if (/^(@tensorflow|react|idb-keyval|node:|comlink|zustand)/.test(spec))
          violations.push(`${relative(root, file)} imports ${spec}`);
      if (/Math\.random\s*\(/.test(readFileSync(file, 'utf8')))
        violations.push(`${relative(root, file)} uses Math.random`);
    }
    expect(violations).toEqual([]);
  });

  it("the page's main chunk has no tfjs: nothing src/ui/main.tsx imports statically imports @tensorflow", () => {
    const graph = staticGraph(join(root, 'src', 'ui', 'main.tsx'));
    expect(graph.size).toBeGreaterThan(100); // the walk follows the page's imports (the test can fail)
    const violations = [...graph]
      .filter(([, specs]) => specs.some((s) => s.startsWith('@tensorflow/')))
      .map(([file]) => relative(root, file));
    expect(violations).toEqual([]);
  });
});
