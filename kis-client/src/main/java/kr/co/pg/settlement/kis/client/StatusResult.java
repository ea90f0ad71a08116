package kr.co.pg.settlement.kis.client;

import kr.co.pg.settlement.kis.protocol.FileType;

/** Every answer of {@code GET /v1/files/{receiptNo}}. */
public sealed interface StatusResult
        permits StatusResult.Found, NotFound, Unauthorized, RateLimited, Unavailable, UnexpectedAnswer {

    enum ReceiptStatus { RECEIVED, PROCESSING, DONE, FAILED }

    /** 200. resultFileType/resultSize may be null before DONE; message is set for FAILED. */
    record Found(String receiptNo, FileType fileType, ReceiptStatus status, FileType resultFileType, Long resultSize,
                 String message) implements StatusResult {
    }
}
