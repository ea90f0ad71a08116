package kr.co.pg.settlement.poller.application;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;

/** The receipts port in memory: every receipt is due and claimable; what the use cases wrote is kept as text. */
final class FakeReceiptStore implements PendingReceiptStore {

    final Map<String, PendingReceipt> pending = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    final Set<String> processed = new HashSet<>();

    FakeReceiptStore with(PendingReceipt... receipts) {
        for (PendingReceipt r : receipts) {
            pending.put(r.receiptNo(), r);
        }
        return this;
    }

    @Override
    public synchronized void addIfAbsent(List<PendingReceipt> receipts, LocalDateTime submittedAt) {
        receipts.forEach(r -> pending.putIfAbsent(r.receiptNo(), r));
        writes.add("added " + receipts.size() + " at " + submittedAt);
    }

    @Override
    public synchronized List<PendingReceipt> claimDue(String owner, LocalDateTime now, LocalDateTime leaseUntil,
                                                      int limit) {
        return pending.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<PendingReceipt> claimPending(String owner, FileType requestType, LocalDateTime now,
                                                          LocalDateTime leaseUntil, int limit) {
        writes.add("claimed pending " + requestType);
        return pending.values().stream().filter(r -> r.fileType() == requestType).limit(limit).toList();
    }

    @Override
    public synchronized void recordInProgress(String receiptNo, String owner, LocalDateTime polledAt,
                                              LocalDateTime nextPollAt) {
        writes.add(receiptNo + " in progress, next poll " + nextPollAt);
    }

    @Override
    public synchronized void recordError(String receiptNo, String owner, String error, LocalDateTime polledAt,
                                         LocalDateTime nextPollAt) {
        writes.add(receiptNo + " error, next poll " + nextPollAt + ": " + error);
    }

    @Override
    public synchronized void markPublished(String receiptNo, String owner, LocalDateTime completedAt) {
        pending.remove(receiptNo);
        writes.add(receiptNo + " published");
    }

    @Override
    public synchronized void markFailedPublished(String receiptNo, String owner, String message,
                                                 LocalDateTime completedAt) {
        pending.remove(receiptNo);
        writes.add(receiptNo + " failed published: " + message);
    }

    @Override
    public synchronized boolean markProcessed(String consumer, String eventId, LocalDateTime processedAt) {
        return processed.add(consumer + "/" + eventId);
    }

    @Override
    public synchronized int makeDue(FileType requestType, LocalDateTime now) {
        writes.add("made due " + requestType);
        return (int) pending.values().stream().filter(r -> r.fileType() == requestType).count();
    }
}
