#!/usr/bin/env node
// The PWA has no import cycle: `npm test` runs this before vitest (test/import-cycles.test.ts
// shows it fails when one is added). In a cycle of static imports the order modules are evaluated
// in decides what a module sees (a value read before its module ran is undefined in the bundle, a
// TDZ error in the browser). Type-only imports are erased first (dpdm -T); lazy import()s are not
// counted: they run after every static import has been evaluated.
//
//   node scripts/import-cycles.mjs [dir]   (default: src) — exit 1 and the cycles if there are any
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const dpdm = require.resolve('dpdm/lib/bin/dpdm.js');
const dir = resolve(process.argv[2] ?? 'src');

const result = spawnSync(
  process.execPath,
  [
    dpdm,
    '--transform',
    '--no-tree',
    '--no-warning',
    '--no-progress',
    '--skip-dynamic-imports', 'circular',
    '--exit-code', 'circular:1',
    '**/*.ts',
    '**/*.tsx',
  ],
  { cwd: dir, encoding: 'utf8' },
);
process.stdout.write(result.stdout ?? '');
process.stderr.write(result.stderr ?? '');
if (result.status === 0) console.log(`import-cycles: none in ${dir}`);
process.exit(result.status ?? 1);
