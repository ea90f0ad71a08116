#!/bin/sh
# Creates every topic of kr.co.pg.settlement.events.Topics (partitions from Topics.all()) with replication 3,
# min.insync.replicas 2, retention 14 days and max.message.bytes 32 MiB, and enforces those settings on topics
# that already exist (a service may have created one first). Idempotent: run it before every deployment.
# DeployManifestsTest checks that this list is exactly Topics.all().
set -eu
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-kafka-0:9092}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
CONFIGS="min.insync.replicas=2,retention.ms=1209600000,max.message.bytes=33554432,cleanup.policy=delete"
# SASL_SSL (Kubernetes, principal topic-admin): the settings go to a file readable only by this user, so no
# password appears on a command line. Unset or PLAINTEXT (compose on a laptop): no file.
CLIENT=""
if [ "${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}" != "PLAINTEXT" ]; then
  CLIENT="${TMPDIR:-/tmp}/topic-admin.properties"
  umask 077
  cat > "$CLIENT" <<EOF
security.protocol=$KAFKA_SECURITY_PROTOCOL
sasl.mechanism=${KAFKA_SASL_MECHANISM:-SCRAM-SHA-512}
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
  username="${KAFKA_SASL_USERNAME:?set KAFKA_SASL_USERNAME}" password="${KAFKA_SASL_PASSWORD:?set KAFKA_SASL_PASSWORD}";
ssl.truststore.location=${KAFKA_SSL_TRUSTSTORE_LOCATION:?set KAFKA_SSL_TRUSTSTORE_LOCATION}
ssl.truststore.password=${KAFKA_SSL_TRUSTSTORE_PASSWORD:?set KAFKA_SSL_TRUSTSTORE_PASSWORD}
ssl.truststore.type=${KAFKA_SSL_TRUSTSTORE_TYPE:-PKCS12}
EOF
fi
topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" ${CLIENT:+--command-config "$CLIENT"} \
    --create --if-not-exists --topic "$1" --partitions "$2" \
    --replication-factor 3 --config min.insync.replicas=2 --config retention.ms=1209600000 \
    --config max.message.bytes=33554432 --config cleanup.policy=delete
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" ${CLIENT:+--command-config "$CLIENT"} \
    --alter --entity-type topics --entity-name "$1" --add-config "$CONFIGS"
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
