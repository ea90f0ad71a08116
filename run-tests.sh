#!/usr/bin/env bash
# Runs every test of the repository: ./run-tests.sh [maven arguments...] (e.g. -pl ops-console, -Dtest=...).
# Installs what the tests need and is missing - the ops console's browser tests drive a real headless Chromium
# (Debian's chromium and chromium-driver) - then runs ./mvnw -B verify with the arguments passed through.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "run-tests: installing chromium and chromium-driver (the ops console's browser tests need them)" >&2
  sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then
    sudo="sudo"
  fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium chromium-driver
fi

./mvnw -B verify "$@"
# then, on a full run (no arguments), the fault suite (docs/reliability.md, "Fault suite"; ~10 minutes): kill -9 of
# services, broker and database, KIS faults, two instances. -am builds what it runs from this tree (not from ~/.m2);
# -Dtest keeps the other modules' tests from running a second time.
if [[ $# -eq 0 ]]; then
  exec ./mvnw -B -pl system -am -Pfaults verify -Dtest=FaultSuiteTest -Dsurefire.failIfNoSpecifiedTests=false
fi
