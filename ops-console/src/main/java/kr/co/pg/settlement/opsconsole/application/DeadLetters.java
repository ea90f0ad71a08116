package kr.co.pg.settlement.opsconsole.application;

import java.time.OffsetDateTime;
import java.util.List;

/** The three dead-letter topics and the re-drive ledger. */
public interface DeadLetters {

    record DeadLetter(String id, String topic, int partition, long offset, OffsetDateTime at, String originalTopic,
                      Integer originalPartition, Long originalOffset, String key, String eventType, String eventId,
                      String businessDate, String reason, String redriven) {
    }

    record TopicLetters(String topic, long total, List<DeadLetter> latest) {
    }

    /** Per topic, the latest {@code limit} records (newest first) and how many the topic holds. */
    List<TopicLetters> list(int limit);
}
