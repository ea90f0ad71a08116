package kr.co.pg.settlement.kis.protocol;

/** {@code payment_transaction.card_type} (the PG's value is the enum's name) and its S1 code. */
public enum CardType {
    CREDIT, CHECK;

    public char kisCode() {
        return this == CREDIT ? 'C' : 'K';
    }
}
