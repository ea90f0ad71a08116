package kr.co.pg.settlement.kis.client;

import java.time.LocalDate;
import kr.co.pg.settlement.kis.protocol.FileType;

/** Every answer of {@code POST /v1/files}. Retry (same key) only on {@link Unavailable} and {@link RateLimited}. */
public sealed interface UploadResult
        permits UploadResult.Accepted, UploadResult.Conflict, UploadResult.LayoutRefused, UploadResult.TooLarge,
        Unauthorized, RateLimited, Unavailable, UnexpectedAnswer {

    /** 202 (repeated=false) or 200 for a repeated upload of byte-identical content under the same key (repeated=true). */
    record Accepted(String receiptNo, FileType fileType, LocalDate fileDate, int fileSeq, int recordCount,
                    String status, boolean repeated) implements UploadResult {
    }

    /** 409 K409: the key was used with other content, or (file type, date, seq) was accepted under another key. */
    record Conflict(String code, String message) implements UploadResult {
    }

    /** 422 K422: the file breaks the layout; line counted from 1, null when KIS named none. */
    record LayoutRefused(String code, String message, Integer line) implements UploadResult {
    }

    /** 413 K413: body over 64 MiB. */
    record TooLarge(String code, String message) implements UploadResult {
    }
}
