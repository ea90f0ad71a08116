package kr.co.pg.settlement.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a sample of any event record through its canonical constructor, by reflection, so a field added to an
 * event later still gets a sample (and the catalogue test then names the field the catalogue lacks) instead of
 * breaking this test's compilation. Values follow the field names where the catalogue constrains them.
 */
final class EventSamples {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 24);

    /** Values for fields whose catalogue schema is narrower than "any string". */
    private static final Map<String, String> STRINGS = Map.ofEntries(
            Map.entry("fileId", "S1-20261124-000001"),
            Map.entry("fileType", "S1"),
            Map.entry("requestType", "N"),
            Map.entry("businessNo", "1234567890"),
            Map.entry("cardType", "CREDIT"),
            Map.entry("cardCompany", "KB"),
            Map.entry("transactionType", "APPROVAL"),
            Map.entry("maskedCardNo", "123456******1234"),
            Map.entry("resultCode", "0000"),
            Map.entry("feeTier", "SMALL"),
            Map.entry("kisCode", "E422"));

    /**
     * @param nullFields names of reference-typed fields to leave null (anywhere in the record tree); primitives
     *                   always get a value
     */
    static <T> T sample(Class<T> type, Set<String> nullFields) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            values[i] = !c.getType().isPrimitive() && nullFields.contains(c.getName())
                    ? null
                    : value(c.getName(), c.getType(), c.getGenericType(), nullFields);
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(String name, Class<?> type, Type generic, Set<String> nullFields) {
        if (type == String.class) {
            return STRINGS.getOrDefault(name, name + "-sample");
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 10_000L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("2.300");
        }
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.of(2026, 11, 24, 6, 15, 0, 123_000_000);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-23T21:15:00.500Z");
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse("2026-11-24T07:15:00+09:00");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            List<Object> list = new ArrayList<>();
            list.add(element.isRecord() ? sample(element, nullFields)
                    : value(name, element, element, nullFields));
            return List.copyOf(list);
        }
        if (type.isRecord()) {
            return sample((Class) type, nullFields);
        }
        throw new IllegalStateException("EventSamples has no sample value for field " + name + " of type " + type
                + ": teach it one");
    }

    private EventSamples() {
    }
}
