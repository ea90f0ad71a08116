package kr.co.pg.settlement.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of events. Values travel as UTF-8 JSON bytes with no type headers, so every
 * service reads them the same way whatever its Spring setup. Dates are ISO strings; money is a JSON
 * integer (long KRW) and rates are exact decimals (BigDecimal), never floating point.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** @throws InvalidEventException when the bytes are not a valid event of that type (never retried). */
    public static <T> T read(byte[] value, Class<T> type) {
        if (value == null) {
            throw new InvalidEventException(type.getSimpleName() + ": empty message (tombstone): every event has a JSON value");
        }
        if (value.length == 0) {
            throw new InvalidEventException(type.getSimpleName() + ": empty message value");
        }
        try {
            T event = MAPPER.readValue(value, type);
            if (event == null) {
                throw new InvalidEventException(type.getSimpleName() + ": empty value");
            }
            return event;
        } catch (JacksonException e) {
            throw new InvalidEventException(type.getSimpleName() + ": unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private EventJson() {
    }
}
