package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.events.SettlementSliceRequested;
import kr.co.pg.settlement.events.SettlementSliceRequested.Cursor;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Splits a DIFF_SETTLEMENT_REQUEST kick-off into slices of about equal size, in one transaction with their
 * job_slice rows, as outbox events any collector instance can take: N instances collect one day N times as fast.
 * A kick-off delivered again while its slices exist changes nothing (they were committed together).
 */
@Service
record SettlementSlicing(CollectionSlices slices, Outbox outbox, PartitionKeys keys, ChunkTransactions tx,
                         FileSequences sequences, Clock clock, CollectionSizes sizes) {

    private static final Logger log = LoggerFactory.getLogger(SettlementSlicing.class);

    private int pages(long rows) {
        int pageSize = sizes.settlementFileSize;
        return (int) Math.max(0, (rows + pageSize - 1) / pageSize);
    }

    void split(KickoffRequested kickoff) {
        String kickoffId = kickoff.kickoffId();
        int existing = slices.count(kickoffId);
        if (existing > 0) {
            log.info("kick-off {} was split into {} slices before; they are on {} and finish the run", kickoffId,
                    existing, Topics.SETTLEMENT_SLICE_REQUESTED);
            return;
        }
        CollectionSlices.Split split = slices.boundaries(kickoff.businessDate(), sizes.slices, sizes.settlementFileSize);
        List<Cursor> bounds = split.cursors();
        int n = bounds.size() + 1;
        int pagesPerSlice = pages(split.rowsPerSlice());
        int lastSlicePages = pages(split.rows() - (long) (n - 1) * split.rowsPerSlice());
        LocalDateTime createdAt = FileEvents.filesCreatedAt(kickoff, clock);
        List<String> ranges = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ranges.add(CollectionSlices.bounds(i == 1 ? null : bounds.get(i - 2), i == n ? null : bounds.get(i - 1)));
        }
        tx.inTransaction(() -> {
            slices.create(kickoffId, ranges);
            // one block of file sequences, page by page in candidate order: the same data gives the same file ids
            int total = (n - 1) * pagesPerSlice + lastSlicePages;
            int first = total == 0 ? 0 : sequences.reserveBlock(FileType.S1, kickoff.businessDate(), total);
            for (int i = 1; i <= n; i++) {
                int slicePages = i == n ? lastSlicePages : pagesPerSlice;
                int firstSeq = slicePages == 0 ? 0 : first + (i - 1) * pagesPerSlice;
                Cursor after = i == 1 ? null : bounds.get(i - 2);
                Cursor upTo = i == n ? null : bounds.get(i - 1);
                String key = keys.keyFor(Topics.SETTLEMENT_SLICE_REQUESTED, kickoffId + ":" + i, i - 1);
                outbox.append(Topics.SETTLEMENT_SLICE_REQUESTED, new SettlementSliceRequested(
                        SettlementSliceRequested.eventIdFor(kickoffId, i), kickoff.businessDate(), kickoffId, i, n,
                        after, upTo, key, firstSeq, slicePages, createdAt));
            }
            return null;
        });
        log.info("kick-off {} DIFF_SETTLEMENT_REQUEST {}: split into {} slices", kickoffId, kickoff.businessDate(), n);
    }
}
