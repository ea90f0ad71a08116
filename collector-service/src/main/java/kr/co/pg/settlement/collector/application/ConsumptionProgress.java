package kr.co.pg.settlement.collector.application;

import java.time.Instant;
import java.util.Map;

/**
 * Port: how far this collector's consumer group has consumed the topics whose events a request run must have
 * applied before it decides anything (see {@link DecisionBarrier}). Offsets are per "topic-partition" key.
 */
public interface ConsumptionProgress {

    /** The end offset of every partition of the two file-requested topics, now. */
    Map<String, Long> fileRequestsEnd();

    /** Partitions of the file-requested topics whose committed offset is below {@code targets}: partition -> lag. */
    Map<String, Long> fileRequestsBehind(Map<String, Long> targets);

    /** Partitions of the registration results topic with a record published before {@code instant} not yet applied. */
    Map<String, Long> registrationResultsBehind(Instant instant);
}
