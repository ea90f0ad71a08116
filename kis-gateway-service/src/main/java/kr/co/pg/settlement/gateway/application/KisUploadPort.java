package kr.co.pg.settlement.gateway.application;

import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.KisUnavailableException;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;

/** Uploads a request file to KIS with the file id as Idempotency-Key. */
public interface KisUploadPort {

    /**
     * @return KIS's final answer
     * @throws KisUnavailableException when KIS gave no final answer (after the configured retries)
     */
    UploadOutcome upload(FileToSubmit file);
}
