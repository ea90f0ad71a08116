package kr.co.pg.settlement.kis.client;

/** 401 K401: wrong signature, unknown client, or clock skew over 300 s. Not retryable without a config fix. */
public record Unauthorized(String code, String message) implements UploadResult, StatusResult, DownloadResult {
}
