package kr.co.pg.settlement.events;

/** Kafka record headers every producer sets (UTF-8 strings). */
public final class EventHeaders {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String BUSINESS_DATE = "businessDate";

    private EventHeaders() {
    }
}
