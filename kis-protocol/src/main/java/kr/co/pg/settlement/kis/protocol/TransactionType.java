package kr.co.pg.settlement.kis.protocol;

/** {@code payment_transaction.transaction_type} (the PG's value is the enum's name) and its S1 code. */
public enum TransactionType {
    APPROVAL, CANCEL, PARTIAL_CANCEL;

    public char kisCode() {
        return switch (this) {
            case APPROVAL -> 'A';
            case CANCEL -> 'C';
            case PARTIAL_CANCEL -> 'P';
        };
    }
}
