package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.co.pg.settlement.collector.domain.DiffDecision;
import kr.co.pg.settlement.collector.domain.DifferenceSettlementPolicy;
import kr.co.pg.settlement.collector.domain.SameDayCancel;
import kr.co.pg.settlement.collector.domain.TransactionCandidate;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Collects one slice of a DIFF_SETTLEMENT_REQUEST run. The calling thread streams the slice's NONE candidates in
 * keyset pages of one file's size ((approved_at, transaction_id) order) and hands each page to one of
 * {@code writer-threads} writers, reading the next page while the last one is written; each page is ONE
 * transaction: NOT_ELIGIBLE/REJECTED updates, one S1 file (a sequence reserved for it), its settlement_request
 * rows, COLLECTED (guarded by diff_status = 'NONE'), and the outbox event. Pages never overlap, so writers touch
 * disjoint rows. A page whose rows another run changed meanwhile is re-read within its own bounds and redone.
 */
@Service
record SettlementCollector(SettlementStore store, KisFiles files, FileSequences sequences, Outbox outbox,
                           ChunkTransactions chunks, CollectionSizes sizes) {

    private static final Logger log = LoggerFactory.getLogger(SettlementCollector.class);
    private static final int PAGE_ATTEMPTS = 10;

    /**
     * Which file sequences a slice's files take, and when they are created (see SettlementSliceRequested): the n-th
     * file of the slice (0-based, in candidate order) takes {@code firstSeq + n} while {@code n < pages}.
     */
    record FilePlan(int firstSeq, int pages, LocalDateTime createdAt) {

        /** The file's sequence, 0 when the plan has none for it (one is reserved when the page writes its file). */
        int seqOf(int fileIndex) {
            return firstSeq > 0 && fileIndex < pages ? firstSeq + fileIndex : 0;
        }
    }

    /**
     * Collects the candidates after {@code after} up to and including {@code upTo} (null: up to the business
     * date).
     */
    JobCounts collect(String kickoffId, LocalDate businessDate, SettlementStore.CandidateCursor after,
                      SettlementStore.CandidateCursor upTo, FilePlan plan) {
        long started = System.nanoTime();
        DifferenceSettlementPolicy policy = new DifferenceSettlementPolicy(store.preferentialRates());
        Set<String> sameDayPairs = sameDayCancelPairs(businessDate);
        SettlementStore.CandidateCursor end = upTo != null ? upTo
                : new SettlementStore.CandidateCursor(businessDate.atStartOfDay(), "");
        Run run = new Run(kickoffId, businessDate, policy, sameDayPairs, plan.createdAt());
        JobCounts total;
        try (PageWriters writers = new PageWriters("diff-collect-" + kickoffId, sizes.writerThreads)) {
            SettlementStore.CandidateCursor from = after;
            int filesPlanned = 0;
            while (true) {
                List<TransactionCandidate> page = store.candidatesBetween(businessDate, from, end, sizes.settlementFileSize);
                if (page.isEmpty()) {
                    break;
                }
                TransactionCandidate lastRow = page.get(page.size() - 1);
                SettlementStore.CandidateCursor pageFrom = from;
                SettlementStore.CandidateCursor pageTo =
                        new SettlementStore.CandidateCursor(lastRow.approvedAt(), lastRow.transactionId());
                // decided here as the writer will: the same data gives the same file ids
                int pageSeq = run.needsFile(page) ? plan.seqOf(filesPlanned++) : 0;
                writers.write(() -> run.writePage(page, pageFrom, pageTo, pageSeq));
                from = pageTo;
            }
            total = writers.finish();
        }
        log.info("difference settlement {} after {}: {} collected in {} files, {} not eligible, {} refused, {} ms",
                businessDate, after, total.rowsCollected(), total.filesCreated(), total.rowsNotEligible(),
                total.rowsRejected(), (System.nanoTime() - started) / 1_000_000);
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

    /** A page across its attempts: the rows read (null: re-read them), its file sequence (0: none reserved yet). */
    private static final class Page {

        private List<TransactionCandidate> rows;
        private int fileSeq;

        Page(List<TransactionCandidate> rows, int fileSeq) {
            this.rows = rows;
            this.fileSeq = fileSeq;
        }
    }

    private final class Run {

        private final String kickoffId;
        private final LocalDate businessDate;
        private final DifferenceSettlementPolicy policy;
        private final Set<String> sameDayPairs;
        private final LocalDateTime filesCreatedAt;

        Run(String kickoffId, LocalDate businessDate, DifferenceSettlementPolicy policy, Set<String> sameDayPairs,
            LocalDateTime filesCreatedAt) {
            this.kickoffId = kickoffId;
            this.businessDate = businessDate;
            this.policy = policy;
            this.sameDayPairs = sameDayPairs;
            this.filesCreatedAt = filesCreatedAt;
        }

        boolean needsFile(List<TransactionCandidate> page) {
            for (TransactionCandidate t : page) {
                if (policy.decide(t, sameDayPairs.contains(t.transactionId())) instanceof DiffDecision.Collect) {
                    return true;
                }
            }
            return false;
        }

        JobCounts writePage(List<TransactionCandidate> firstRead, SettlementStore.CandidateCursor from,
                            SettlementStore.CandidateCursor upTo, int plannedSeq) {
            Page page = new Page(firstRead, plannedSeq);
            return chunks.chunk("settlement page after " + from, PAGE_ATTEMPTS, () -> collect(page.rows != null
                    ? page.rows : store.candidatesBetween(businessDate, from, upTo, sizes.settlementFileSize), page), conflict -> {
                        if (conflict instanceof FileSeqTakenException) {
                            // another transaction (a resend, a registration-style MAX + 1) took it: reserve another
                            page.fileSeq = sequences.reserve(FileType.S1, businessDate);
                        } else {
                            page.rows = null; // rows another run changed: re-read the page within its bounds
                        }
                    });
        }

        private JobCounts collect(List<TransactionCandidate> candidates, Page page) {
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
            if (collect.isEmpty()) {
                return new JobCounts(0, 0, refusals.size(), notEligibleCount);
            }
            if (page.fileSeq == 0) {
                page.fileSeq = sequences.reserve(FileType.S1, businessDate);
            }
            KisFiles.KisFile file = files.createWithSeq(FileType.S1, businessDate, kickoffId, collect.size(), page.fileSeq,
                    filesCreatedAt);
            List<Transaction> records = new ArrayList<>(collect.size());
            for (int i = 0; i < collect.size(); i++) {
                TransactionCandidate t = collect.get(i);
                records.add(new Transaction(i + 1, t.transactionId(), t.subMerchantId(), t.kisSubMerchantNo(),
                        t.businessNo(), t.cardCompany(), t.cardType(), t.transactionType(), t.approvedAt(),
                        t.approvalNo(), t.originalApprovedOn(), t.originalApprovalNo(), t.maskedCardNo(), t.amount(),
                        t.appliedFeeRate(), t.feeAmount(), expected.get(i)));
            }
            NewFileRows.write(store, file, records, "transactions still NONE");
            outbox.append(Topics.SETTLEMENT_FILE_REQUESTED, FileEvents.settlementRequested(file, records));
            return new JobCounts(1, collect.size(), refusals.size(), notEligibleCount);
        }
    }
}
