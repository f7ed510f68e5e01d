// npm run infra:check — validates infra/ offline (no cluster, no container engine needed):
// prints one line per object or file checked, then every problem; exits 1 when there is one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInfra } from './infra-check/check-infra.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const infraDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(repoRoot, 'infra');

const checked = await checkInfra({ infraDir, repoRoot });
for (const c of checked) {
  process.stdout.write(`${c.problems.length ? 'FAIL' : 'ok  '}  ${c.label}\n`);
  for (const p of c.problems) process.stdout.write(`        ${p}\n`);
}
const problems = checked.reduce((n, c) => n + c.problems.length, 0);
const failed = checked.filter((c) => c.problems.length).length;
process.stdout.write(
  problems
    ? `\ninfra:check: ${problems} problem(s) in ${failed} of ${checked.length} checked\n`
    : `\ninfra:check: ${checked.length} checked, no problems\n`,
);
process.exitCode = problems ? 1 : 0;
