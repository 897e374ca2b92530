// Prints the closing line CI reads, "N passed, N failed", from Vitest's and Playwright's JSON reports.
// Exits non-zero when a report is missing or any test failed, so a silent runner cannot pass.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
let passed = 0;
let failed = 0;
const missing = [];

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numTotalTests === 0 ? 1 : 0);
  // A file that fails to load counts as a failure even though no test in it ran.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else missing.push('reports/vitest.json');

const playwright = read('reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  if (playwright.errors?.length) failed += playwright.errors.length;
} else missing.push('reports/playwright.json');

const checks = process.argv.slice(2).map((arg) => arg.split('='));
for (const [name, status] of checks) {
  if (status === '0') passed += 1;
  else {
    failed += 1;
    console.log(`check failed: ${name}`);
  }
}
for (const file of missing) {
  failed += 1;
  console.log(`missing report: ${file}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
