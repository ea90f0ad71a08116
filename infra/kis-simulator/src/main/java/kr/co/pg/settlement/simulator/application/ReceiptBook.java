package kr.co.pg.settlement.simulator.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.simulator.domain.FaultSettings;

/**
 * The receipts KIS knows: by receipt number, by Idempotency-Key and by file identity (type, date, sequence), and in
 * acceptance order. Steps that read and then register (intake, recovery) hold the book's monitor
 * ({@code synchronized (book)}); a lookup by receipt number needs no lock.
 */
final class ReceiptBook {

    private static final String RECEIPT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Receipt> byReceiptNo = new ConcurrentHashMap<>();
    private final Map<String, Receipt> byIdempotencyKey = new HashMap<>();
    private final Map<String, Receipt> byFileIdentity = new HashMap<>();
    private final List<Receipt> inOrder = new ArrayList<>();

    ReceiptBook(Clock clock) {
        this.clock = clock;
    }

    /** Under the book's monitor. */
    Receipt register(ReceiptInfo info, FaultSettings settings) {
        Receipt r = new Receipt(info, settings);
        byReceiptNo.put(info.receiptNo(), r);
        byIdempotencyKey.put(info.idempotencyKey(), r);
        byFileIdentity.putIfAbsent(identity(info.fileType(), info.fileDate(), info.fileSeq()), r);
        inOrder.add(r);
        return r;
    }

    /** Under the book's monitor. */
    Receipt withIdempotencyKey(String key) {
        return byIdempotencyKey.get(key);
    }

    /** Under the book's monitor: the receipt that holds this file's identity, or null. */
    Receipt holderOf(FileType type, LocalDate fileDate, int fileSeq) {
        return byFileIdentity.get(identity(type, fileDate, fileSeq));
    }

    Optional<Receipt> receipt(String receiptNo) {
        return Optional.ofNullable(byReceiptNo.get(receiptNo));
    }

    synchronized List<Receipt> inAcceptanceOrder() {
        return List.copyOf(inOrder);
    }

    /** Under the book's monitor. 20 characters A-Z0-9: file type, yyMMddHHmmss of acceptance, 6 random; unique. */
    String newReceiptNo(FileType type) {
        String prefix = type.name() + LocalDateTime.now(clock).format(RECEIPT_TIME);
        while (true) {
            StringBuilder sb = new StringBuilder(prefix);
            while (sb.length() < 20) {
                sb.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
            }
            if (!byReceiptNo.containsKey(sb.toString())) {
                return sb.toString();
            }
        }
    }

    private static String identity(FileType type, LocalDate date, int seq) {
        return type + "|" + date + "|" + seq;
    }
}
