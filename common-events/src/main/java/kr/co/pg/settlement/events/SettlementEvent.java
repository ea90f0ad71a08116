package kr.co.pg.settlement.events;

import java.time.LocalDate;

/** What every event of the system carries: a unique id, the business date it belongs to, and its Kafka key. */
public interface SettlementEvent {

    String eventId();

    LocalDate businessDate();

    /** The Kafka record key: keeps the events of one file (or one job) in order on one partition. */
    String key();
}
