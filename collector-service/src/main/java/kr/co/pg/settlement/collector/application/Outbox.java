package kr.co.pg.settlement.collector.application;

import kr.co.pg.settlement.events.SettlementEvent;

/** Port: the transactional outbox (outbox_event), relayed to Kafka from the binlog. */
public interface Outbox {

    void append(String topic, SettlementEvent event);
}
