package kr.co.pg.settlement.simulator.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start: receipts and ledger reloaded from the state directory, and what was not finished queued again. */
record StateRecovery(StateStore store, KisLedger ledger, ReceiptBook book, FaultControl faults,
                     ReceiptProcessor processor) {

    private static final Logger log = LoggerFactory.getLogger(StateRecovery.class);

    void recover() {
        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, Integer> corrupted = new HashMap<>();
        List<ReceiptInfo> accepted = new ArrayList<>();
        store.load(new StateStore.ReceiptLoader() {
            @Override
            public void accepted(ReceiptInfo info) {
                accepted.add(info);
            }

            @Override
            public void outcome(String receiptNo, Outcome outcome) {
                outcomes.put(receiptNo, outcome);
            }

            @Override
            public void corruptedDownload(String receiptNo) {
                corrupted.merge(receiptNo, 1, Integer::sum);
            }

            @Override
            public boolean completed(String receiptNo) {
                Outcome o = outcomes.get(receiptNo);
                return o != null && !o.failed();
            }
        }, ledger);
        int resumed = 0;
        synchronized (book) {
            for (ReceiptInfo info : accepted) {
                Receipt r = book.register(info, faults.current());
                Outcome o = outcomes.get(info.receiptNo());
                if (o != null) {
                    r.complete(o);
                    r.corruptedServed().set(corrupted.getOrDefault(info.receiptNo(), 0));
                } else {
                    resumed++;
                    rememberReceivedApprovals(info);
                    processor.submit(r);
                }
            }
        }
        log.info("KIS simulator state loaded: {} receipts ({} resumed for processing), {} registrations, {} accepted transactions",
                accepted.size(), resumed, ledger.registrationCount(), ledger.acceptedTransactionCount());
    }

    private void rememberReceivedApprovals(ReceiptInfo info) {
        if (info.fileType() != FileType.S1) {
            return;
        }
        KisFileReader.read(store.requestFile(info.receiptNo(), FileType.S1), FileType.S1, (S1Record r) -> {
            if (r.transactionType() == 'A') {
                ledger.approvalReceived(r.approvalDate(), r.approvalNo());
            }
        });
    }
}
