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

exec ./mvnw -B verify "$@"
