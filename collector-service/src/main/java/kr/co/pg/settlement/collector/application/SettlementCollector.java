package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import kr.co.pg.settlement.collector.domain.DiffDecision;
import kr.co.pg.settlement.collector.domain.DifferenceSettlementPolicy;
import kr.co.pg.settlement.collector.domain.SameDayCancel;
import kr.co.pg.settlement.collector.domain.TransactionCandidate;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;
import kr.co.pg.settlement.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * DIFF_SETTLEMENT_REQUEST: streams NONE candidates by transaction id (keyset pages of one file's size), decides each
 * in Java (domain policy) and writes one transaction per page: NOT_ELIGIBLE/REJECTED updates, one S1 file with its
 * settlement_request rows, COLLECTED, and the outbox event.
 */
@Service
class SettlementCollector {

    private static final Logger log = LoggerFactory.getLogger(SettlementCollector.class);

    private final SettlementStore store;
    private final KisFiles files;
    private final Outbox outbox;
    private final ChunkTransactions chunks;
    private final int fileSize;

    SettlementCollector(SettlementStore store, KisFiles files, Outbox outbox, ChunkTransactions chunks,
                        @Value("${settlement.collector.settlement-file-size:10000}") int fileSize) {
        this.store = store;
        this.files = files;
        this.outbox = outbox;
        this.chunks = chunks;
        this.fileSize = fileSize;
    }

    JobCounts run(String kickoffId, LocalDate businessDate) {
        DifferenceSettlementPolicy policy = new DifferenceSettlementPolicy(store.preferentialRates());
        Set<String> sameDayPairs = sameDayCancelPairs(businessDate);
        JobCounts total = JobCounts.NONE;
        String after = "";
        long started = System.nanoTime();
        while (true) {
            String from = after;
            ChunkResult r = chunks.chunk("settlement chunk after '" + from + "'",
                    () -> collectChunk(kickoffId, businessDate, from, policy, sameDayPairs));
            if (r.read == 0) {
                break;
            }
            total = total.plus(r.counts);
            after = r.lastId;
        }
        log.info("difference settlement {}: {} collected in {} files, {} not eligible, {} refused, {} ms", businessDate,
                total.rowsCollected(), total.filesCreated(), total.rowsNotEligible(), total.rowsRejected(),
                (System.nanoTime() - started) / 1_000_000);
        return total;
    }

    private Set<String> sameDayCancelPairs(LocalDate businessDate) {
        Set<String> ids = new HashSet<>();
        for (SettlementStore.CancelPair pair : store.cancelPairs(businessDate)) {
            if (SameDayCancel.isPair(pair.cancel(), pair.original())) {
                ids.add(pair.cancel().transactionId());
                ids.add(pair.original().transactionId());
            }
        }
        return ids;
    }

    private record ChunkResult(int read, String lastId, JobCounts counts) {
    }

    private ChunkResult collectChunk(String kickoffId, LocalDate businessDate, String afterId,
                                     DifferenceSettlementPolicy policy, Set<String> sameDayPairs) {
        List<TransactionCandidate> candidates = store.candidatesAfter(businessDate, afterId, fileSize);
        if (candidates.isEmpty()) {
            return new ChunkResult(0, afterId, JobCounts.NONE);
        }
        Map<String, List<String>> notEligible = new TreeMap<>();
        List<SettlementStore.Refusal> refusals = new ArrayList<>();
        List<TransactionCandidate> collect = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (TransactionCandidate t : candidates) {
            DiffDecision d = policy.decide(t, sameDayPairs.contains(t.transactionId()));
            if (d instanceof DiffDecision.NotEligible n) {
                notEligible.computeIfAbsent(n.code(), k -> new ArrayList<>()).add(t.transactionId());
            } else if (d instanceof DiffDecision.Refused r) {
                refusals.add(new SettlementStore.Refusal(t.transactionId(), r.rejection()));
            } else if (d instanceof DiffDecision.Collect c) {
                collect.add(t);
                expected.add(c.expectedDifference());
            }
        }
        int notEligibleCount = 0;
        for (Map.Entry<String, List<String>> e : notEligible.entrySet()) {
            int changed = store.markNotEligible(e.getKey(), e.getValue());
            if (changed != e.getValue().size()) {
                throw new ConcurrentChangeException("transactions left NONE while being marked " + e.getKey());
            }
            notEligibleCount += changed;
        }
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> log.error("transaction {} NOT SENT: {} {}", r.transactionId(),
                    r.rejection().code(), r.rejection().message()));
            if (store.refuse(refusals) != refusals.size()) {
                throw new ConcurrentChangeException("transactions left NONE while being refused");
            }
        }
        int fileCount = 0;
        if (!collect.isEmpty()) {
            KisFiles.KisFile file = files.create("S1", businessDate, kickoffId, collect.size());
            List<Transaction> records = new ArrayList<>(collect.size());
            for (int i = 0; i < collect.size(); i++) {
                TransactionCandidate t = collect.get(i);
                records.add(new Transaction(i + 1, t.transactionId(), t.subMerchantId(), t.kisSubMerchantNo(),
                        t.businessNo(), t.cardCompany(), t.cardType(), t.transactionType(), t.approvedAt(),
                        t.approvalNo(), t.originalApprovedOn(), t.originalApprovalNo(), t.maskedCardNo(), t.amount(),
                        t.appliedFeeRate(), t.feeAmount(), expected.get(i)));
            }
            store.insertRequests(file.fileId(), businessDate, records);
            int marked = store.markCollected(file.fileId());
            if (marked != records.size()) {
                throw new ConcurrentChangeException("file " + file.fileId() + ": " + marked + " of " + records.size()
                        + " transactions still NONE");
            }
            outbox.append(Topics.SETTLEMENT_FILE_REQUESTED, new SettlementFileRequested(UUID.randomUUID().toString(),
                    businessDate, file.fileId(), file.fileDate(), file.fileSeq(), file.createdAt(), records));
            fileCount = 1;
        }
        String lastId = candidates.get(candidates.size() - 1).transactionId();
        return new ChunkResult(candidates.size(), lastId,
                new JobCounts(fileCount, collect.size(), refusals.size(), notEligibleCount));
    }
}
