package kr.co.pg.settlement.kis.client;

/**
 * An HTTP answer kis-interface.md does not define for this endpoint (e.g. 400, or a 2xx whose JSON cannot be
 * read). Not retried blindly: log and alert; detail holds the status and the start of the body.
 */
public record UnexpectedAnswer(int httpStatus, String detail) implements UploadResult, StatusResult, DownloadResult {
}
