package kr.co.pg.settlement.poller.domain;

/** {@code pending_receipt.status}: polled while PENDING; the results (or KIS's failure) published ends it. */
public enum PendingReceiptStatus {
    PENDING, PUBLISHED, FAILED_PUBLISHED
}
