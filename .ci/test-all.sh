#!/usr/bin/env bash
# Every test the project has, as CI runs them: static checks, unit and integration tests (Vitest),
# a production build, and browser tests in Debian's Chromium (Playwright). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf reports && mkdir -p reports

step() { echo; echo "== $1"; }
status=()

step "Chromium"
bash .ci/ensure-chromium.sh
status+=("chromium=$?")

step "Type check"
npm run -s typecheck
status+=("typecheck=$?")

step "Lint"
npm run -s lint
status+=("lint=$?")

step "Format"
npm run -s format:check
status+=("format=$?")

step "Unit and integration tests (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json

step "Production build"
npm run -s build
build=$?
status+=("build=$build")

step "Browser tests (Playwright, Debian Chromium, production build)"
if [ "$build" = 0 ]; then
  npx playwright test
fi

step "Benchmark smoke run (seeds and 1,000 deals; figures printed, not asserted)"
if [ "$build" = 0 ]; then
  npm run -s bench:smoke
  status+=("bench-smoke=$?")
else
  status+=("bench-smoke=1")
fi

echo
node .ci/summary.mjs "${status[@]}"
