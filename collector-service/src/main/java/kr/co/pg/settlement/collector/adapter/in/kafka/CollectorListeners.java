package kr.co.pg.settlement.collector.adapter.in.kafka;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import kr.co.pg.settlement.collector.application.FileEventHandler;
import kr.co.pg.settlement.collector.application.FileLedger;
import kr.co.pg.settlement.collector.application.KickoffHandler;
import kr.co.pg.settlement.collector.application.ResultHandler;
import kr.co.pg.settlement.collector.application.SliceCollection;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.SettlementSliceRequested;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.DeadLetterErrorHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Batch listeners (AckMode BATCH), one container per topic so a long kick-off run does not hold up results.
 * Records are handled one by one, each in its own transaction; a failing record is reported by index so the
 * records before it are committed and the error handler retries or dead-letters from it.
 */
@Component
record CollectorListeners(KickoffHandler kickoffs, FileEventHandler files, ResultHandler results,
                          SliceCollection slices, FileLedger ledger) {

    private static final Logger log = LoggerFactory.getLogger(CollectorListeners.class);
    /** ConsumerGroups.COLLECTOR; overridable (settlement.kafka.group-id) only so test classes sharing a broker stay apart. */
    static final String GROUP = "${settlement.kafka.group-id:" + ConsumerGroups.COLLECTOR + "}";
    /**
     * A results part carries up to 5,000 records (about 1 MB of JSON): 8 parts are 40,000 rows a poll, plenty for the
     * staged join UPDATE, and keep a consumer's held records to ~8 MB (50 parts held 50 MB each, at 2,000,000 rows).
     */
    static final String RESULT_PARTS_PER_POLL = "8";

    @KafkaListener(id = "collector-kickoff", topics = Topics.KICKOFF, groupId = GROUP,
            properties = "max.poll.records=10")
    void onKickoffs(List<ConsumerRecord<String, byte[]>> records) {
        each(records, r -> kickoffs.handle(KickoffParser.parse(r.value())));
    }

    /** One slice at a time per consumer; {@code slice-concurrency} consumers per instance share the partitions. */
    @KafkaListener(id = "collector-settlement-slices", topics = Topics.SETTLEMENT_SLICE_REQUESTED, groupId = GROUP,
            concurrency = "${settlement.collector.slice-concurrency:2}", properties = "max.poll.records=1")
    void onSettlementSlices(List<ConsumerRecord<String, byte[]>> records) {
        each(records, r -> {
            SettlementSliceRequested e = checked(EventJson.read(r.value(), SettlementSliceRequested.class), r);
            if (e.kickoffId() == null || e.slice() < 1 || e.sliceCount() < e.slice()) {
                throw new InvalidEventException("SettlementSliceRequested " + e.eventId() + ": kickoffId, slice "
                        + e.slice() + " of " + e.sliceCount() + " is not a slice");
            }
            if (e.kickoffId().length() > KickoffParser.MAX_KICKOFF_ID_LENGTH) {
                throw new InvalidFieldException("SettlementSliceRequested " + e.eventId(), "kickoffId", e.kickoffId(),
                        "longer than " + KickoffParser.MAX_KICKOFF_ID_LENGTH + " characters");
            }
            slices.onSlice(e);
        });
    }

    @KafkaListener(id = "collector-file-submitted", topics = Topics.FILE_SUBMITTED, groupId = GROUP)
    void onFileSubmitted(List<ConsumerRecord<String, byte[]>> records) {
        each(records, r -> files.onSubmitted(checked(EventJson.read(r.value(), FileSubmitted.class), r)));
    }

    @KafkaListener(id = "collector-file-failed", topics = Topics.FILE_FAILED, groupId = GROUP)
    void onFileFailed(List<ConsumerRecord<String, byte[]>> records) {
        each(records, r -> {
            FileFailed e = checked(EventJson.read(r.value(), FileFailed.class), r);
            ledger.requireFilesCaughtUp("FileFailed for file " + e.fileId());
            files.onFailed(e);
        });
    }

    /**
     * The collector's own files read back (FileLedger): a known file id (the record key) is skipped unread; only a file
     * the database lost to a restore is parsed and re-created. New group members start at the end: a file decided
     * before this collector's group existed is not its own. Each record is a whole file (~4 MB for 10,000 S1
     * records), fetched although only its key is read: two a poll keep the ledger's share of the heap small.
     */
    @KafkaListener(id = "collector-file-ledger", groupId = GROUP,
            topics = {Topics.REGISTRATION_FILE_REQUESTED, Topics.SETTLEMENT_FILE_REQUESTED},
            properties = {"max.poll.records=2", "auto.offset.reset=latest", "max.partition.fetch.bytes=1048576",
                    "fetch.max.bytes=4194304"})
    void onFileRequests(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> unknown = ledger.unknown(records.stream().map(ConsumerRecord::key).filter(Objects::nonNull)
                .distinct().toList());
        each(records, r -> {
            if (r.key() != null && !unknown.contains(r.key())) {
                return;
            }
            if (Topics.SETTLEMENT_FILE_REQUESTED.equals(r.topic())) {
                SettlementFileRequested e = checked(EventJson.read(r.value(), SettlementFileRequested.class), r);
                ledger.recreate(e);
            } else {
                ledger.recreate(checked(EventJson.read(r.value(), RegistrationFileRequested.class), r));
            }
        });
    }

    @KafkaListener(id = "collector-registration-results", topics = Topics.REGISTRATION_RESULTS,
            groupId = GROUP, properties = "max.poll.records=" + RESULT_PARTS_PER_POLL)
    void onRegistrationResults(List<ConsumerRecord<String, byte[]>> records) {
        eachResults(records, RegistrationResultsReceived.class, RegistrationResultsReceived::results,
                results::onRegistrationResults);
    }

    /** Parts of different files touch different rows: two consumers overlap one part's JSON with another's SQL. */
    @KafkaListener(id = "collector-settlement-results", topics = Topics.SETTLEMENT_RESULTS,
            groupId = GROUP, concurrency = "${settlement.collector.results-concurrency:2}",
            properties = "max.poll.records=" + RESULT_PARTS_PER_POLL)
    void onSettlementResults(List<ConsumerRecord<String, byte[]>> records) {
        eachResults(records, SettlementResultsReceived.class, SettlementResultsReceived::results,
                results::onSettlementResults);
    }

    private static <E extends kr.co.pg.settlement.events.SettlementEvent> void eachResults(
            List<ConsumerRecord<String, byte[]>> records, Class<E> type, Function<E, List<?>> resultsOf,
            Consumer<E> apply) {
        each(records, r -> {
            E e = checked(EventJson.read(r.value(), type), r);
            if (resultsOf.apply(e) == null) {
                throw new InvalidEventException(type.getSimpleName() + " " + e.eventId() + ": field results is missing");
            }
            apply.accept(e);
        });
    }

    /** Fields every consumer relies on; an event without them can never be applied. */
    private static <T extends kr.co.pg.settlement.events.SettlementEvent> T checked(T event,
                                                                                    ConsumerRecord<String, byte[]> r) {
        if (event.eventId() == null || event.eventId().isBlank() || event.key() == null || event.businessDate() == null) {
            throw new InvalidEventException(event.getClass().getSimpleName() + " at " + r.topic() + "-" + r.partition()
                    + "@" + r.offset() + ": eventId, fileId and businessDate are required");
        }
        return event;
    }

    private static void each(List<ConsumerRecord<String, byte[]>> records, Consumer<ConsumerRecord<String, byte[]>> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                if (e instanceof InvalidEventException) {
                    log.error("{}-{}@{}: invalid event, sent to {}: {}", record.topic(), record.partition(),
                            record.offset(), Topics.DLT_COLLECTOR, e.getMessage());
                } else {
                    log.warn("{}-{}@{}: failed, will be retried: {}", record.topic(), record.partition(),
                            record.offset(), e.toString());
                }
                throw new BatchListenerFailedException(DeadLetterErrorHandler.reason(e), e, i);
            }
        }
    }
}
