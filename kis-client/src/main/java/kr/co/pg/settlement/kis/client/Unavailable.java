package kr.co.pg.settlement.kis.client;

/**
 * KIS could not be reached or answered 5xx: retry later (same Idempotency-Key for uploads).
 * httpStatus is 0 when there was no HTTP answer (connection refused, timeout, connection dropped mid-body).
 */
public record Unavailable(int httpStatus, String detail) implements UploadResult, StatusResult, DownloadResult {
}
