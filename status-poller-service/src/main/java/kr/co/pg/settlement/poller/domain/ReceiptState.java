package kr.co.pg.settlement.poller.domain;

/** What KIS says about a receipt. */
public sealed interface ReceiptState {

    /** RECEIVED or PROCESSING: ask again later. */
    record InProgress(String status) implements ReceiptState {
    }

    /** DONE: the result file can be downloaded. */
    record Done() implements ReceiptState {
    }

    /** FAILED: KIS could not process the file; its records must be sent again in a new file. */
    record Failed(String message) implements ReceiptState {
    }
}
