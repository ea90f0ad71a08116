package kr.co.pg.settlement.kis.client;

/** 404 K404: KIS does not know the receipt. */
public record NotFound(String code, String message) implements StatusResult, DownloadResult {
}
