package kr.co.pg.settlement.poller.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileWriter;
import kr.co.pg.settlement.kis.protocol.S2Record;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling use case against plain fakes of its ports (receipts, KIS, events): no Spring, no broker, no KIS. */
class PollReceiptsServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Seoul"));
    private static final LocalDateTime NOW = LocalDateTime.now(CLOCK);
    private static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 24);
    private static final String RECEIPT = "RCP20261124000000001";

    @TempDir
    Path workDir;

    private final FakeReceiptStore store = new FakeReceiptStore();
    private final FakeKis kis = new FakeKis();
    private final RecordedEvents events = new RecordedEvents();
    private PollReceiptsService service;

    private PollReceiptsService service() {
        PollerSettings settings = new PollerSettings(Duration.ofSeconds(30), Duration.ofMinutes(10), 2, 2,
                workDir, 100);
        service = new PollReceiptsService(store, kis, events, settings, CLOCK, new SimpleMeterRegistry());
        return service;
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void aReceiptKisStillProcessesIsPolledAgainAfterTheInterval() {
        store.with(receipt(RECEIPT, 3));
        kis.states.put(RECEIPT, new ReceiptState.InProgress("PROCESSING"));

        service().pollDue();

        assertThat(store.writes).containsExactly(RECEIPT + " in progress, next poll " + NOW.plusSeconds(30));
        assertThat(events.published).isEmpty();
    }

    @Test
    void aDoneReceiptsResultsArePublishedInPartsAndTheReceiptIsFinished() {
        store.with(receipt(RECEIPT, 3));
        kis.states.put(RECEIPT, new ReceiptState.Done());
        kis.results.put(RECEIPT, s2(RECEIPT, 3));

        service().pollDue();

        // 3 records, 2 per event: parts 1/2 and 2/2, then the receipt is PUBLISHED
        assertThat(events.published).containsExactly("S2 " + RECEIPT + " part 1/2: TX-1,TX-2",
                "S2 " + RECEIPT + " part 2/2: TX-3");
        assertThat(store.writes).containsExactly(RECEIPT + " published");
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void aResultFileForAnotherReceiptPublishesNothingAndTheReceiptStaysPending() {
        store.with(receipt(RECEIPT, 3));
        kis.states.put(RECEIPT, new ReceiptState.Done());
        kis.results.put(RECEIPT, s2("RCP20261124000000999", 3));

        service().pollDue();

        assertThat(events.published).isEmpty();
        assertThat(store.writes).singleElement().asString().startsWith(RECEIPT + " error, next poll ")
                .contains("expected receipt " + RECEIPT);
    }

    @Test
    void aResultNotReadyYetIsPolledAgainAfterTheInterval() {
        store.with(receipt(RECEIPT, 3));
        kis.states.put(RECEIPT, new ReceiptState.Done());

        service().pollDue();

        assertThat(store.writes).containsExactly(RECEIPT + " in progress, next poll " + NOW.plusSeconds(30));
        assertThat(events.published).isEmpty();
    }

    @Test
    void aFileKisCouldNotProcessIsPublishedAsResendableFailure() {
        store.with(receipt(RECEIPT, 3));
        kis.states.put(RECEIPT, new ReceiptState.Failed("file could not be read"));

        service().pollDue();

        assertThat(events.published).containsExactly("FileFailed " + RECEIPT + ": file could not be read");
        assertThat(store.writes).containsExactly(RECEIPT + " failed published: file could not be read");
    }

    @Test
    void kisGivingNoAnswerKeepsTheReceiptPendingWithItsErrorAndABackoff() {
        store.with(receipt(RECEIPT, 3));

        service().pollDue();

        assertThat(events.published).isEmpty();
        assertThat(store.writes).singleElement().asString().startsWith(RECEIPT + " error, next poll ")
                .endsWith("KIS 503 unavailable");
    }

    @Test
    void aResultKickoffPollsOnlyTheReceiptsOfItsRequestType() {
        String registration = "RCP20261124000000002";
        store.with(receipt(RECEIPT, 1), new PendingReceipt(registration, "R1-20261124-000001", FileType.R1,
                FILE_DATE, FILE_DATE, 1, 1, 0));
        kis.states.put(RECEIPT, new ReceiptState.InProgress("RECEIVED"));
        kis.states.put(registration, new ReceiptState.InProgress("RECEIVED"));

        service().pollNow(FileType.R1);

        assertThat(store.writes).containsExactly("claimed pending R1",
                registration + " in progress, next poll " + NOW.plusSeconds(30));
    }

    static PendingReceipt receipt(String receiptNo, int records) {
        return new PendingReceipt(receiptNo, "S1-20261124-000001", FileType.S1, FILE_DATE, FILE_DATE, 1, records, 0);
    }

    /** A valid S2 result file answering {@code receiptNo} (file date and sequence of {@link #receipt}). */
    private static byte[] s2(String receiptNo, int records) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (KisFileWriter<S2Record> writer = KisFileWriter.s2(out, new FileHeader(FileType.S2, "PG00000001",
                FILE_DATE, 1, NOW, receiptNo))) {
            for (int i = 1; i <= records; i++) {
                writer.write(new S2Record(i, "TX-" + i, String.format("%08d", i), FILE_DATE.minusDays(1), "0000",
                        "OK", new BigDecimal("0.400"), 100L * i, FILE_DATE.plusDays(2)));
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    private static final class FakeKis implements KisResultsPort {
        final Map<String, ReceiptState> states = new HashMap<>();
        final Map<String, byte[]> results = new HashMap<>();

        @Override
        public ReceiptState status(String receiptNo) {
            ReceiptState state = states.get(receiptNo);
            if (state == null) {
                throw new KisUnavailableException("status of receipt " + receiptNo + ": KIS 503 unavailable", null);
            }
            return state;
        }

        @Override
        public boolean download(String receiptNo, Path target) {
            byte[] content = results.get(receiptNo);
            if (content == null) {
                return false;
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }
    }

    private static final class RecordedEvents implements ResultEventsPort {
        final List<String> published = new ArrayList<>();

        @Override
        public synchronized void registrationResults(PendingReceipt receipt, int part, int partCount,
                                                     List<RegistrationResult> results) {
            published.add("R2 " + receipt.receiptNo() + " part " + part + "/" + partCount + ": "
                    + String.join(",", results.stream().map(RegistrationResult::subMerchantId).toList()));
        }

        @Override
        public synchronized void settlementResults(PendingReceipt receipt, int part, int partCount,
                                                   List<SettlementResult> results) {
            published.add("S2 " + receipt.receiptNo() + " part " + part + "/" + partCount + ": "
                    + String.join(",", results.stream().map(r -> r.transactionId().strip()).toList()));
        }

        @Override
        public synchronized void fileFailed(PendingReceipt receipt, String kisMessage) {
            published.add("FileFailed " + receipt.receiptNo() + ": " + kisMessage);
        }
    }
}
