package kr.co.pg.settlement.kis.client;

import java.nio.file.Path;

/** Every answer of {@code GET /v1/files/{receiptNo}/result}. */
public sealed interface DownloadResult
        permits DownloadResult.Downloaded, DownloadResult.NotReady, DownloadResult.ChecksumMismatch, NotFound,
        Unauthorized, RateLimited, Unavailable, UnexpectedAnswer {

    /** 200, the bytes are in {@code path} and their SHA-256 matched X-KIS-Content-SHA256. */
    record Downloaded(Path path, long size, String sha256) implements DownloadResult {
    }

    /** 409 K410: the receipt is not DONE yet. */
    record NotReady(String code, String message) implements DownloadResult {
    }

    /**
     * 200, but the bytes received do not hash to X-KIS-Content-SHA256 (expected is null when the header was
     * missing). Nothing is left at the target path; download again.
     */
    record ChecksumMismatch(String expected, String actual) implements DownloadResult {
    }
}
