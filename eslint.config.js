// Lint for the whole project: typescript-eslint's recommended set (not the type-checked one,
// which builds the whole program on every run), React's rules of hooks, and the layering line.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The same line as src/layering.test.ts (keep the two in step): imports point down only,
// ui -> app -> store -> orchestrator -> workers -> training -> core; storage sits beside the orchestrator,
// and app is the page's composition root.
const RANK = { core: 0, training: 1, workers: 2, storage: 3, orchestrator: 3, store: 4, app: 5, ui: 6 };
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const NO_TEST_SUPPORT = {
  regex: '(^|/)testing(/|$)',
  message: 'Production code never imports test support (src/testing).',
};
// What core may not import: it is pure TypeScript.
const IMPURE = {
  regex: '^(@tensorflow|react|idb-keyval|node:|comlink|zustand)',
  message: 'core is pure TypeScript: no tfjs, React, DOM storage, Node modules, comlink or zustand.',
};

/** The import rules of one layer's production files (tests may reach up, as in the layering test). */
function layerRules(layer) {
  const above = Object.keys(RANK).filter((other) => RANK[other] > RANK[layer]);
  const patterns = [NO_TEST_SUPPORT];
  if (above.length > 0) {
    patterns.push({
      regex: `^(\\.\\.?/)+(src/)?(${above.join('|')})(/|$)`,
      message: `${layer} may not import ${above.join(', ')}: imports point down only (src/layering.test.ts).`,
    });
  }
  if (layer === 'core') patterns.push(IMPURE);
  const rules = { 'no-restricted-imports': ['error', { patterns }] };
  if (layer === 'core') {
    rules['no-restricted-properties'] = [
      'error',
      { object: 'Math', property: 'random', message: 'Randomness is injected: take an rng.' },
    ];
  }
  return { files: [layer === 'workers' ? 'workers/**' : `src/${layer}/**`], ignores: TESTS, rules };
}

export default defineConfig(
  {
    // Build output, downloaded data, caches and run artefacts.
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      '.cache/',
      '.scratch/',
      'bench/results/',
      'bench/device/dist/',
      'e2e/artifacts/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // A leading underscore marks a deliberately unused binding, as tsc's noUnusedLocals reads it;
      // `const { v: _v, ...rest } = x` is how this code drops a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `({ state, job } = next(state))` assigns a let and a fresh binding at once; splitting it adds noise.
      'prefer-const': ['error', { destructuring: 'all' }],
      // Control characters in patterns are deliberate here: the hostile-input checks match them by design.
      'no-control-regex': 'off',
    },
  },
  {
    // Only React code: rules-of-hooks goes by name, and training's useSoftwareVulkanWithoutGpu is no hook.
    files: ['src/ui/**', 'src/store/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  Object.keys(RANK).map(layerRules),
  {
    // The Node entries sit above every layer; they still never import test support.
    files: ['src/cli/**'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST_SUPPORT] }] },
  },
);
