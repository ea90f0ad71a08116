#!/bin/sh
# Creates every topic of kr.co.pg.settlement.events.Topics (partitions from Topics.all()) with replication 3,
# min.insync.replicas 2, retention 14 days and max.message.bytes 32 MiB, and enforces those settings on topics
# that already exist (a service may have created one first). Idempotent: run it before every deployment.
# DeployManifestsTest checks that this list is exactly Topics.all().
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka-0:9092}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
CONFIGS="min.insync.replicas=2,retention.ms=1209600000,max.message.bytes=33554432,cleanup.policy=delete"
topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" --partitions "$2" \
    --replication-factor 3 --config min.insync.replicas=2 --config retention.ms=1209600000 \
    --config max.message.bytes=33554432 --config cleanup.policy=delete
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$1" \
    --add-config "$CONFIGS"
}
topic settlement.kickoff.v1 4
topic settlement.registration.file-requested.v1 6
topic settlement.diff.file-requested.v1 6
topic settlement.diff.slice-requested.v1 8
topic settlement.file.submitted.v1 6
topic settlement.file.failed.v1 6
topic settlement.registration.results.v1 6
topic settlement.diff.results.v1 6
topic settlement.dlt.collector.v1 1
topic settlement.dlt.gateway.v1 1
topic settlement.dlt.poller.v1 1
echo "topics ready"
