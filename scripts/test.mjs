// The whole suite: type check (tsc) and lint (biome) beside the web build (browser tests load it), and every
// vitest project (unit, database on PGlite and — with TEST_DATABASE_URL — on PostgreSQL, browser) once the build
// is done, while tsc and biome finish. Ends with
// the time of each phase and the plain line "N passed, N failed" that CI reads; a type or lint error counts
// as a failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
mkdirSync('.tsunagu-test', { recursive: true });
const report = '.tsunagu-test/vitest-report.json';
const phases = [];

/** Runs a command with inherited output; resolves with its exit status and records its duration. */
function run(name, cmd, cmdArgs) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
    child.on('close', (status) => {
      phases.push(`${name} ${Math.round((performance.now() - started) / 1000)}s`);
      resolve(status ?? 1);
    });
  });
}

// The three checks are independent: run them side by side (tsc and the build each keep about one core busy).
// Vitest needs only the build (browser journeys load it), so it starts as soon as the build is done while tsc
// and biome finish beside it: the core the build leaves free is not idle for the rest of tsc's run.
const typecheckRun = run('tsc', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const lintRun = run('biome', 'npx', ['biome', 'check', '.']);
const build = await run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (build !== 0) {
  const [typecheck, lint] = await Promise.all([typecheckRun, lintRun]);
  const failedChecks = 1 + (typecheck !== 0 ? 1 : 0) + (lint !== 0 ? 1 : 0);
  console.log('web build (vite) failed');
  if (typecheck !== 0) console.log('type check (tsc) failed');
  if (lint !== 0) console.log('lint (biome) failed');
  console.log(`phases: ${phases.join(', ')}`);
  console.log(`0 passed, ${failedChecks} failed`);
  process.exit(1);
}

const status = await run('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...args,
]);
const [typecheck, lint] = await Promise.all([typecheckRun, lintRun]);
let failedChecks = 0;
for (const [name, checkStatus] of [
  ['type check (tsc)', typecheck],
  ['lint (biome)', lint],
]) {
  if (checkStatus !== 0) {
    console.log(`${name} failed`);
    failedChecks++;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTests ?? 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A test file that failed to load counts as a failure even though it ran no test.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  // Where the time goes, so a slow new file shows in every run's log (decision 0018); first test to last, without
  // the file's import and its beforeAll (vitest's own summary line has those in total).
  const slowest = (r.testResults ?? [])
    .map((f) => ({ s: (f.endTime - f.startTime) / 1000, name: f.name.replace(`${process.cwd()}/`, '') }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 8);
  if (slowest.length) {
    console.log(
      `slowest files (test time): ${slowest.map((f) => `${f.name} ${f.s.toFixed(0)}s`).join(', ')}`,
    );
  }
}
if (status !== 0 && failed === 0) failed = 1;
failed += failedChecks;
console.log(`phases: ${phases.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
