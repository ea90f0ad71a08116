package kr.co.pg.settlement.simulator.application;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.S1Record;

/** For tests and the admin API: the receipts described, and how often each record reached KIS. */
record TestAdministration(StateStore store, ReceiptBook book, ReceiptResults results) {

    /**
     * R1 -> sub-merchant id -> number of accepted files holding it; S1 -> transaction id -> count. Reads the stored
     * request files (streaming).
     */
    Map<String, Integer> receivedCounts(FileType type) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Receipt r : book.inAcceptanceOrder()) {
            if (r.info().fileType() != type) {
                continue;
            }
            Path file = store.requestFile(r.info().receiptNo(), type);
            Set<String> ids = new HashSet<>();
            if (type == FileType.R1) {
                KisFileReader.read(file, FileType.R1, (R1Record rec) -> ids.add(rec.subMerchantId().strip()));
            } else {
                KisFileReader.read(file, FileType.S1, (S1Record rec) -> ids.add(rec.transactionId().strip()));
            }
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    Map<String, Object> describe(Receipt r) {
        Map<String, Object> m = r.info().describe();
        m.put("idempotencyKey", r.info().idempotencyKey());
        m.put("status", results.status(r).name());
        return m;
    }
}
