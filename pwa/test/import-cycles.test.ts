/// <reference types="node" />
// @vitest-environment node
// `npm test` first runs scripts/import-cycles.mjs over src/; here it is shown to fail on a cycle
// (and to leave type-only imports and lazy import()s alone), on small trees written for the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../scripts/import-cycles.mjs', import.meta.url));
const dirs: string[] = [];

function check(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'palm-cycles-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('import-cycles', () => {
  it('fails and names the files when two modules import each other', () => {
    // given a step that takes a value from the wizard that imports it (the cycle fixed in declarations/)
    const { status, output } = check({
      'Wizard.ts': "import { Step } from './Step';\nexport const draftPath = (id: string) => `/d/${id}`;\nexport const steps = [Step];\n",
      'Step.ts': "import { draftPath } from './Wizard';\nexport const Step = () => draftPath('1');\n",
    });
    // then
    expect(status).toBe(1);
    expect(output).toMatch(/Step\.ts -> Wizard\.ts|Wizard\.ts -> Step\.ts/);
  }, 120_000);

  it('passes when the shared piece lives in a module both import', () => {
    const { status, output } = check({
      'model.ts': 'export const draftPath = (id: string) => `/d/${id}`;\n',
      'Wizard.ts': "import { Step } from './Step';\nimport { draftPath } from './model';\nexport const steps = [Step, draftPath];\n",
      'Step.ts': "import { draftPath } from './model';\nexport const Step = () => draftPath('1');\n",
    });
    expect(status, output).toBe(0);
  }, 120_000);

  it('leaves type-only imports and lazy import()s alone', () => {
    const { status, output } = check({
      'Wizard.ts': "import { Step } from './Step';\nexport interface StepProps { id: string }\nexport const steps = [Step];\n",
      'Step.ts':
        "import type { StepProps } from './Wizard';\nexport const Step = (p: StepProps) => p.id;\nexport const later = () => import('./Wizard');\n",
    });
    expect(status, output).toBe(0);
  }, 120_000);
});
