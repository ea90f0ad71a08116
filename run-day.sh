#!/usr/bin/env bash
# The run command: builds the system, then runs a demo business day on embedded MariaDB and Kafka.
#   ./run-day.sh                      demo (data kept in .local/demo; run again for the next business day)
#   ./run-day.sh --benchmark=N [--sub-merchants=M] [--instances=2] [--profile]
#                                     benchmark: each service in its own JVM; prints timings, the SQL floor,
#                                     peak heaps and RSS, and one "BENCHMARK {json}" line
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (first time: a few minutes) ..."
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl system dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx1536m -cp "system/target/classes:$(cat system/target/classpath.txt)" kr.co.pg.settlement.system.RunDay "$@"
