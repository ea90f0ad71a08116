#!/usr/bin/env bash
# Runs the repository's tests.
#   ./run-tests.sh              every test of every module, and the image tarball of every service (./mvnw -B verify
#                               -Pimages -Dimage.base=scratch; the README's test command)
#   ./run-tests.sh --faults     only the fault suite (Maven profile "faults" of the system module: kill -9 of
#                               services, broker and database, KIS faults, two instances; about 11 minutes)
#   ./run-tests.sh --all        both, one after the other (what .ci/run runs)
#   ./run-tests.sh ARGS...      the same with ARGS... (e.g. -pl ops-console, -Dtest=...)
# First installs what the tests need and is missing: the ops console's browser tests drive a real headless
# Chromium (Debian's chromium and chromium-driver).
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

fault_suite() {
  # -am builds what the suite runs from this tree (a plain verify installs nothing); -Dtest keeps the other modules'
  # tests from running a second time
  ./mvnw -B -pl system -am -Pfaults verify -Dtest=FaultSuiteTest -Dsurefire.failIfNoSpecifiedTests=false
}

# Jib builds each service's image tarball (target/jib-image.tar) in package, on the empty base "scratch": it needs no
# registry (this machine reaches none), so the build is proven here; infra/deploy-check's ImageTarballsTest opens the
# tarballs. A scratch image has no JRE and does not run: production images use the real base (docs/production.md, "Images").
verify=(./mvnw -B verify -Pimages -Dimage.base=scratch)

case "${1:-}" in
  --faults) fault_suite ;;
  --all) "${verify[@]}" && fault_suite ;;
  *) "${verify[@]}" "$@" ;;
esac
