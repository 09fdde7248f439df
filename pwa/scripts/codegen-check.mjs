// Fails when src/graphql/generated/ differs from what `npm run codegen` would write now
// (../schema.graphql or a .graphql document changed without regenerating).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src', 'graphql', 'generated');
const scratch = mkdtempSync(join(tmpdir(), 'palm-codegen-'));

try {
  execFileSync(join(root, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = readdirSync(scratch).sort();
  const current = existsSync(committed) ? readdirSync(committed).sort() : [];
  const problems = [];
  for (const name of new Set([...fresh, ...current])) {
    if (!fresh.includes(name)) problems.push(`${name}: committed but no longer generated`);
    else if (!current.includes(name)) problems.push(`${name}: generated but not committed`);
    else if (readFileSync(join(scratch, name), 'utf8') !== readFileSync(join(committed, name), 'utf8')) problems.push(`${name}: differs`);
  }
  if (problems.length) {
    console.error(`GraphQL codegen drift in src/graphql/generated/ — run \`npm run codegen\` and commit:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`codegen: src/graphql/generated/ matches ../schema.graphql (${fresh.length} files)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
