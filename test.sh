#!/usr/bin/env bash
# Builds Yishi and runs every test suite: unit, integration (each test on SQLite and on a real
# PostgreSQL that the test run starts and removes itself) and browser (Chromium via Playwright).
# As root it first installs missing Debian packages (postgresql, chromium, fonts-noto-cjk).
# Last line: "tests: N passed, N failed". Exit code non-zero when anything failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "==> installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get install failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
  else
    echo "missing system packages: ${missing[*]} (run as root to install them)"
  fi
fi

results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"
extra_failed=0

echo "==> build"
if ! dotnet build Yishi.slnx -nologo -v q -clp:ErrorsOnly; then
  echo "build failed"; echo "tests: 0 passed, 1 failed"; exit 1
fi

echo "==> format check"
if ! dotnet format Yishi.slnx --verify-no-changes --no-restore -v q; then
  echo "dotnet format found unformatted code (run: dotnet format Yishi.slnx)"; extra_failed=$((extra_failed + 1))
fi

run_suite() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  echo "==> $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000 \
    || true
}
run_suite tests/Yishi.UnitTests/Yishi.UnitTests.csproj
run_suite tests/Yishi.IntegrationTests/Yishi.IntegrationTests.csproj
run_suite tests/Yishi.BrowserTests/Yishi.BrowserTests.csproj

passed=0; failed=0; suites=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); suites=$((suites + 1))
done
# A suite that produced no TRX (crashed before reporting) counts as a failure.
((suites < 3)) && failed=$((failed + 3 - suites))
failed=$((failed + extra_failed))
echo "screenshots: tests/Yishi.BrowserTests/bin/Debug/net10.0/screenshots (also $results)"
echo "tests: $passed passed, $failed failed"
((failed == 0 && passed > 0))
