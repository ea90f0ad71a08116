package kr.co.pg.settlement.kis.client;

import java.time.Duration;

/** 429 K429: retry after {@code retryAfter} (from the Retry-After header; 1 s when absent or unreadable). */
public record RateLimited(Duration retryAfter) implements UploadResult, StatusResult, DownloadResult {
}
