package kr.co.pg.settlement.poller.application;

import java.nio.file.Path;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.ReceiptState;

/** KIS's status and result endpoints (with retries for transient trouble). */
public interface KisResultsPort {

    /** @throws KisUnavailableException when KIS gave no usable answer */
    ReceiptState status(String receiptNo);

    /**
     * Streams the result file to {@code target}, its checksum verified.
     *
     * @return false when KIS says the result is not ready yet
     * @throws KisUnavailableException when KIS gave no usable answer (including a checksum mismatch)
     */
    boolean download(String receiptNo, Path target);
}
