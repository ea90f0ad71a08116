package kr.co.pg.settlement.kis.client;

import tools.jackson.databind.JsonNode;

/** Fields of KIS's JSON answers; a missing required field throws IllegalArgumentException naming it. */
final class JsonFields {

    private JsonFields() {
    }

    static String requiredText(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null || value.isEmpty()) {
            throw missing(field);
        }
        return value;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A number, or a string of digits (KIS's JSON types are not fixed by the spec). */
    static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        return value.isNumber() ? value.asInt() : Integer.parseInt(value.asString().trim());
    }

    private static IllegalArgumentException missing(String field) {
        return new IllegalArgumentException("field '" + field + "' missing");
    }
}
