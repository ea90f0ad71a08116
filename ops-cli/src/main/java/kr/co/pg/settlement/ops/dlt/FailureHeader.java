package kr.co.pg.settlement.ops.dlt;

/**
 * Headers that describe a failure, not the event: a dead letter carries them, a re-driven record does not (any other
 * kafka_dlt-* or kafka_exception* header neither).
 */
enum FailureHeader {

    /** Set by spring-kafka's DeadLetterPublishingRecoverer: UTF-8, 4-byte int, 8-byte long, UTF-8, UTF-8. */
    ORIGINAL_TOPIC("kafka_dlt-original-topic"),
    ORIGINAL_PARTITION("kafka_dlt-original-partition"),
    ORIGINAL_OFFSET("kafka_dlt-original-offset"),
    EXCEPTION_MESSAGE("kafka_dlt-exception-message"),
    EXCEPTION_FQCN("kafka_dlt-exception-fqcn"),
    /** The services' own: why; when one field is at fault its name and value (cut to 80 characters). */
    REASON("dltReason"),
    FIELD("dltField"),
    VALUE("dltValue"),
    /** Set on a re-driven record: the id of the dead letter it came from. */
    REDRIVEN_FROM("redrivenFrom");

    final String key;

    FailureHeader(String key) {
        this.key = key;
    }

    static boolean describesFailure(String key) {
        if (key.startsWith("kafka_dlt-") || key.startsWith("kafka_exception")) {
            return true;
        }
        for (FailureHeader h : values()) {
            if (h.key.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
