package kr.co.pg.settlement.poller.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.LayoutError;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.ReadResult;
import kr.co.pg.settlement.kis.protocol.S2Record;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a DONE receipt's result file to a temporary file, validates the WHOLE file (layout, counts, totals,
 * and that it answers this receipt with the request's record count), and only then publishes its records in parts.
 * An invalid file publishes nothing. Generic over R2 and S2.
 */
record ResultFileProcessor(KisResultsPort kis, ResultEventsPort events, PollerSettings settings,
                           MeterRegistry meters) {

    enum Outcome { PUBLISHED, NOT_READY, INVALID }

    private static final Logger log = LoggerFactory.getLogger(ResultFileProcessor.class);
    private static final int LOGGED_ERRORS = 20;

    /** @return what happened, with the problems found when the file is invalid */
    Result process(PendingReceipt receipt) {
        Path file = settings.workDir().resolve(receipt.receiptNo() + "-" + UUID.randomUUID() + ".kis");
        try {
            Files.createDirectories(settings.workDir());
            if (!kis.download(receipt.receiptNo(), file)) {
                return new Result(Outcome.NOT_READY, null);
            }
            List<String> problems = validate(file, receipt);
            if (!problems.isEmpty()) {
                meters.counter("kis.result.invalid", "fileType", receipt.resultType().name()).increment();
                String summary = problems.size() + " problem(s) in " + receipt.resultType() + " result of " + receipt
                        + ": " + String.join("; ", problems.subList(0, Math.min(3, problems.size())));
                log.error("INVALID KIS RESULT FILE, nothing applied: {}. Problems:\n  {}\nThe receipt stays PENDING and"
                                + " is downloaded again at a later poll; if KIS keeps serving this file, ask KIS to"
                                + " regenerate the result of receipt {}.", summary,
                        String.join("\n  ", problems.subList(0, Math.min(LOGGED_ERRORS, problems.size()))),
                        receipt.receiptNo());
                return new Result(Outcome.INVALID, truncate(summary, 1000));
            }
            publish(file, receipt);
            return new Result(Outcome.PUBLISHED, null);
        } catch (IOException e) {
            throw new UncheckedIOException("work file " + file + " (check settlement.poller.work-dir, disk space)", e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete result work file {}: {}", file, e.toString());
            }
        }
    }

    record Result(Outcome outcome, String problem) {
    }

    private List<String> validate(Path file, PendingReceipt receipt) {
        ReadResult<Void> read = KisFileReader.validate(file, receipt.resultType());
        List<String> problems = new ArrayList<>();
        for (LayoutError error : read.errors()) {
            problems.add(error.toString());
        }
        FileHeader header = read.header();
        if (read.valid() && header != null) {
            if (!receipt.receiptNo().equals(header.receiptNo())) {
                problems.add("line 1, field receiptNo: value '" + header.receiptNo() + "': expected receipt "
                        + receipt.receiptNo());
            }
            if (!Objects.equals(receipt.fileDate(), header.fileDate()) || receipt.fileSeq() != header.fileSeq()) {
                problems.add("line 1, field fileDate/fileSeq: value '" + header.fileDate() + "/" + header.fileSeq()
                        + "': expected the request's " + receipt.fileDate() + "/" + receipt.fileSeq());
            }
            if (read.recordCount() != receipt.recordCount()) {
                problems.add("trailer, field record count: value '" + read.recordCount() + "': the request file "
                        + receipt.fileId() + " had " + receipt.recordCount() + " records");
            }
        }
        return problems;
    }

    private void publish(Path file, PendingReceipt receipt) {
        switch (receipt.resultType()) {
            case R2 -> publishParts(file, receipt, FileType.R2, ResultFileProcessor::toRegistrationResult,
                    (part, count, results) -> events.registrationResults(receipt, part, count, results));
            case S2 -> publishParts(file, receipt, FileType.S2, ResultFileProcessor::toSettlementResult,
                    (part, count, results) -> events.settlementResults(receipt, part, count, results));
            default -> throw new IllegalStateException("no result type for " + receipt);
        }
    }

    @FunctionalInterface
    private interface PartPublisher<E> {
        void publish(int part, int partCount, List<E> results);
    }

    @SuppressWarnings("unchecked")
    private <R, E> void publishParts(Path file, PendingReceipt receipt, FileType type, Function<R, E> mapping,
                                     PartPublisher<E> publisher) {
        int perEvent = settings.recordsPerEvent();
        int partCount = Math.max(1, (receipt.recordCount() + perEvent - 1) / perEvent);
        List<E> buffer = new ArrayList<>(Math.min(perEvent, Math.max(1, receipt.recordCount())));
        int[] published = {0};
        ReadResult<Object> read = KisFileReader.read(file, type, record -> {
            buffer.add(mapping.apply((R) record));
            if (buffer.size() == perEvent) {
                publisher.publish(++published[0], partCount, List.copyOf(buffer));
                buffer.clear();
            }
        });
        if (!read.valid()) {
            // the file was valid a moment ago: the work file changed under us; nothing was published
            throw new IllegalStateException("result file of " + receipt + " changed between validation and"
                    + " publication: " + read.errors());
        }
        if (!buffer.isEmpty() || published[0] == 0) {
            publisher.publish(++published[0], partCount, List.copyOf(buffer));
        }
        if (published[0] != partCount) {
            throw new IllegalStateException("published " + published[0] + " parts of " + receipt + ", expected "
                    + partCount);
        }
        log.info("published {} {} records of {} in {} part(s)", receipt.recordCount(), type, receipt, partCount);
    }

    static RegistrationResult toRegistrationResult(R2Record r) {
        String tier = r.feeTier() == null || r.feeTier().isBlank() ? null
                : FeeTier.fromKisCode(r.feeTier()).map(Enum::name).orElse(null);
        return new RegistrationResult(r.seq(), String.valueOf(r.requestType()), r.subMerchantId(), r.businessNo(),
                r.resultCode(), r.resultMessage(), tier, r.tierValidFrom(), r.tierValidTo(), blankToNull(r.kisSubMerchantNo()));
    }

    static SettlementResult toSettlementResult(S2Record r) {
        return new SettlementResult(r.seq(), r.transactionId(), r.approvalNo(), r.approvalDate(), r.resultCode(),
                r.resultMessage(), r.preferentialRate(), r.differenceAmount(), r.payoutDate());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
