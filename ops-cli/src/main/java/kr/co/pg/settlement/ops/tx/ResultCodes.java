package kr.co.pg.settlement.ops.tx;

import java.util.Map;

/** What each result code of a transaction means: KIS's codes (interface §4) and the system's local decisions. */
final class ResultCodes {

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("0000", "accepted by KIS"),
            Map.entry("N001", "not eligible: the sub-merchant is REGISTERED with tier GENERAL, or with a tier whose"
                    + " validity does not cover the transaction date (or no preferential rate in force for the card type)"),
            Map.entry("N002", "not eligible: the computed difference is 0 or has the wrong sign (applied rate not above"
                    + " the preferential rate)"),
            Map.entry("N003", "not eligible: same-day full cancel - the cancel and its approval of the same date, neither"
                    + " sent, both get N003"),
            Map.entry("L101", "rejected locally: business registration number fails its check digit"),
            Map.entry("L102", "rejected locally: a name or address has a character CP949 cannot encode"),
            Map.entry("L103", "rejected locally: a required field is missing (name, representative, opened_on)"),
            Map.entry("L201", "rejected locally, never sent: the card number is not masked (dddddd******dddd)"),
            Map.entry("E101", "KIS: invalid business registration number"),
            Map.entry("E102", "KIS: business closed or suspended at the tax office"),
            Map.entry("E103", "KIS: business registration number already registered under another sub-merchant id"),
            Map.entry("E104", "KIS: update or close for a sub-merchant KIS does not know"),
            Map.entry("E199", "KIS: other registration error"),
            Map.entry("E201", "KIS: KIS sub-merchant number unknown, or not registered on the transaction date"),
            Map.entry("E202", "KIS: duplicate - this transaction id was already accepted"),
            Map.entry("E203", "KIS: cancel whose original approval KIS does not know"),
            Map.entry("E204", "KIS: the sub-merchant's tier on the transaction date is not preferential"),
            Map.entry("E205", "KIS: the applied fee rate differs from the card company's record"),
            Map.entry("E299", "KIS: other settlement error"));

    private ResultCodes() {
    }

    static String describe(String code) {
        if (code == null || code.isBlank()) {
            return "-";
        }
        return code + " (" + MEANING.getOrDefault(code.trim(), "code not in the documented table") + ")";
    }

    /** Only ever the masked form: a stored value that is not masked (an L201 row) is masked here before printing. */
    static String maskedCard(String stored) {
        if (stored == null) {
            return "-";
        }
        if (stored.matches("\\d{6}\\*{6}\\d{4}")) {
            return stored;
        }
        String digits = stored.replaceAll("[^0-9*]", "");
        return digits.length() >= 10
                ? digits.substring(0, 6) + "******" + digits.substring(digits.length() - 4) + " (stored NOT masked)"
                : "****** (stored value not a card number)";
    }
}
