package kr.co.pg.settlement.simulator.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * KIS's memory: registrations, accepted transaction ids, approvals seen. Plain hash maps (1,000,000 transactions a
 * day stay cheap); not thread-safe: used by one thread at a time (the holder of the processing service's ledger
 * turn, which hands it over with a happens-before edge). Every change goes to the {@link LedgerJournal};
 * the {@code replay*} methods rebuild state from the journal without journaling again.
 */
public final class KisLedger {

    private final Map<String, Registration> bySubMerchantId = new HashMap<>();
    private final Map<String, Registration> byKisNo = new HashMap<>();
    private final Map<String, String> activeOwnerByBusinessNo = new HashMap<>();
    private final Set<String> acceptedTransactionIds = new HashSet<>();
    private final Set<String> knownApprovals = new HashSet<>();
    /**
     * Approvals of accepted S1 files not processed yet. KIS knows approvals from the card companies, not from the
     * order our files happen to be processed in: a cancel's approval in a file uploaded a moment later (the
     * gateway uploads files in parallel) must not make the cancel E203. Written by upload threads.
     */
    private final Set<String> receivedApprovals = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private LedgerJournal journal = LedgerJournal.NONE;
    private final Map<LocalDate, String> approvalKeyPrefixes = new HashMap<>();

    public void journalTo(LedgerJournal journal) {
        this.journal = journal;
    }

    public Registration registration(String subMerchantId) {
        return bySubMerchantId.get(subMerchantId);
    }

    public Registration byKisNo(String kisSubMerchantNo) {
        return byKisNo.get(kisSubMerchantNo);
    }

    /** The sub-merchant id an open registration of this business number belongs to, or null. */
    public String activeOwner(String businessNo) {
        return activeOwnerByBusinessNo.get(businessNo);
    }

    public boolean isAccepted(String transactionId) {
        return acceptedTransactionIds.contains(transactionId);
    }

    public boolean knowsApproval(LocalDate approvalDate, String approvalNo) {
        String key = approvalKey(approvalDate, approvalNo);
        return knownApprovals.contains(key) || receivedApprovals.contains(key);
    }

    /** Thread-safe: an approval in a file KIS has accepted (processed or not). Rebuilt on start from stored files. */
    public void approvalReceived(LocalDate approvalDate, String approvalNo) {
        receivedApprovals.add(approvalDate + "|" + RegistrationRules.trim(approvalNo));
    }

    public int registrationCount() {
        return bySubMerchantId.size();
    }

    public int acceptedTransactionCount() {
        return acceptedTransactionIds.size();
    }

    /** "KIS" + 12 digits, derived from the sub-merchant id (stable across restarts and state loss); unique. */
    public String kisNumberFor(String subMerchantId) {
        Registration existing = bySubMerchantId.get(subMerchantId);
        if (existing != null) {
            return existing.kisSubMerchantNo();
        }
        for (int salt = 0; ; salt++) {
            String candidate = "KIS" + twelveDigits(salt == 0 ? subMerchantId : subMerchantId + "#" + salt);
            Registration holder = byKisNo.get(candidate);
            if (holder == null || holder.subMerchantId().equals(subMerchantId)) {
                return candidate;
            }
        }
    }

    public void register(Registration r) {
        replayRegistered(r);
        journal.registered(r);
    }

    public void close(String subMerchantId, LocalDate closedOn) {
        replayClosed(subMerchantId, closedOn);
        journal.closed(subMerchantId, closedOn);
    }

    public void acceptTransaction(String transactionId) {
        acceptedTransactionIds.add(transactionId);
        journal.transactionAccepted(transactionId);
    }

    public void seeApproval(LocalDate approvalDate, String approvalNo) {
        if (knownApprovals.add(approvalKey(approvalDate, approvalNo))) {
            journal.approvalSeen(approvalDate, approvalNo);
        }
    }

    public void replayRegistered(Registration r) {
        Registration previous = bySubMerchantId.put(r.subMerchantId(), r);
        if (previous != null && previous.closedOn() == null
                && r.subMerchantId().equals(activeOwnerByBusinessNo.get(previous.businessNo()))) {
            activeOwnerByBusinessNo.remove(previous.businessNo());
        }
        byKisNo.put(r.kisSubMerchantNo(), r);
        if (r.closedOn() == null) {
            activeOwnerByBusinessNo.put(r.businessNo(), r.subMerchantId());
        }
    }

    public void replayClosed(String subMerchantId, LocalDate closedOn) {
        Registration r = bySubMerchantId.get(subMerchantId);
        if (r == null) {
            return;
        }
        Registration closed = r.closed(closedOn);
        bySubMerchantId.put(subMerchantId, closed);
        byKisNo.put(closed.kisSubMerchantNo(), closed);
        activeOwnerByBusinessNo.remove(r.businessNo(), subMerchantId);
    }

    public void replayTransactionAccepted(String transactionId) {
        acceptedTransactionIds.add(transactionId);
    }

    public void replayApprovalSeen(LocalDate approvalDate, String approvalNo) {
        knownApprovals.add(approvalKey(approvalDate, approvalNo));
    }

    /** "date|approvalNo"; the dates' texts are cached (few distinct approval dates, millions of records). */
    private String approvalKey(LocalDate date, String approvalNo) {
        String prefix = approvalKeyPrefixes.get(date);
        if (prefix == null) {
            if (approvalKeyPrefixes.size() > 4096) {
                approvalKeyPrefixes.clear();
            }
            prefix = date + "|";
            approvalKeyPrefixes.put(date, prefix);
        }
        return prefix.concat(approvalNo);
    }

    private static String twelveDigits(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return String.format("%012d", Long.remainderUnsigned(v, 1_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
