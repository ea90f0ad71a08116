package kr.co.pg.settlement.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.gateway.GatewayTestData;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.KisUnavailableException;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.junit.jupiter.api.Test;

/** The submission use case against plain fakes of its two ports: no Spring, no broker, no KIS. */
class SubmitFileServiceTest {

    private final FakeKis kis = new FakeKis();
    private final RecordedEvents events = new RecordedEvents();
    private final SubmitFileService service = new SubmitFileService(kis, events, "PG00000001");

    @Test
    void anAcceptedFileIsPublishedAsSubmittedWithItsReceipt() {
        kis.answer = file -> new UploadOutcome.Accepted("RCP20261124000000007", file.recordCount(), false);
        SettlementFileRequested event = GatewayTestData.settlementFile(GatewayTestData.fileId("S1", 7), 7, 3, "TX-");

        service.submitSettlementFile(event);

        FileToSubmit uploaded = kis.uploads.get(0);
        assertThat(kis.uploads).hasSize(1);
        assertThat(uploaded.fileType()).isEqualTo(FileType.S1);
        assertThat(uploaded.fileId()).isEqualTo(event.fileId());
        assertThat(uploaded.recordCount()).isEqualTo(3);
        // header, three records and the trailer, each of the record length + CR LF
        assertThat(uploaded.content()).hasSize(5 * (FileType.S1.recordLength() + 2));
        assertThat(new String(uploaded.content(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("HS1");
        assertThat(events.submitted).containsExactly(uploaded.fileId() + " RCP20261124000000007");
        assertThat(events.refused).isEmpty();
    }

    @Test
    void everyDeliveryOfTheSameEventUploadsTheSameBytes() {
        kis.answer = file -> new UploadOutcome.Accepted("RCP20261124000000008", file.recordCount(), true);
        SettlementFileRequested event = GatewayTestData.settlementFile(GatewayTestData.fileId("S1", 8), 8, 2, "TX-");

        service.submitSettlementFile(event);
        service.submitSettlementFile(event);

        assertThat(kis.uploads.get(1).content()).isEqualTo(kis.uploads.get(0).content());
    }

    @Test
    void aRegistrationFileIsUploadedAsR1() {
        kis.answer = file -> new UploadOutcome.Accepted("RCP20261124000000009", file.recordCount(), false);

        service.submitRegistrationFile(GatewayTestData.registrationFile(GatewayTestData.fileId("R1", 9), 9, "SUB-"));

        assertThat(kis.uploads).extracting(FileToSubmit::fileType).containsExactly(FileType.R1);
        assertThat(kis.uploads.get(0).recordCount()).isEqualTo(2);
        assertThat(events.submitted).hasSize(1);
    }

    @Test
    void kisRefusingTheContentIsPublishedAsRefusedWithItsCode() {
        kis.answer = file -> new UploadOutcome.Refused("K409", "KIS 409 conflict: seq taken", null);

        service.submitSettlementFile(GatewayTestData.settlementFile(GatewayTestData.fileId("S1", 10), 10, 1, "TX-"));

        assertThat(events.refused).containsExactly(GatewayTestData.fileId("S1", 10) + " K409 null");
        assertThat(events.submitted).isEmpty();
    }

    @Test
    void aValueTheLayoutCannotHoldIsRefusedBeforeUploadWithItsLine() {
        String fileId = GatewayTestData.fileId("S1", 11);
        SettlementFileRequested event = GatewayTestData.settlementFile(fileId, 11, List.of(
                GatewayTestData.transaction(1, "TX-1", 1_000L),
                GatewayTestData.transaction(2, "TX-2", 12_345_678_901_234L)));

        service.submitSettlementFile(event);

        assertThat(kis.uploads).isEmpty();
        assertThat(events.refused).containsExactly(fileId + " null 3");
        assertThat(events.refusedMessages.get(0)).contains("not sent to KIS").contains("12345678901234");
    }

    @Test
    void kisGivingNoFinalAnswerPublishesNothingAndThrowsSoTheEventComesAgain() {
        kis.answer = file -> {
            throw new KisUnavailableException("KIS 503", null);
        };

        assertThatThrownBy(() -> service.submitSettlementFile(
                GatewayTestData.settlementFile(GatewayTestData.fileId("S1", 12), 12, 1, "TX-")))
                .isInstanceOf(KisUnavailableException.class);
        assertThat(events.submitted).isEmpty();
        assertThat(events.refused).isEmpty();
    }

    @Test
    void anEventWithoutItsFileFieldsIsInvalidAndNothingIsUploaded() {
        SettlementFileRequested event = GatewayTestData.settlementFile(GatewayTestData.fileId("S1", 13), 13, 1, "TX-");
        SettlementFileRequested withoutDate = new SettlementFileRequested(event.eventId(), event.businessDate(),
                event.fileId(), null, event.fileSeq(), event.createdAt(), event.records());

        assertThatThrownBy(() -> service.submitSettlementFile(withoutDate)).isInstanceOf(InvalidEventException.class);
        assertThat(kis.uploads).isEmpty();
        assertThat(events.submitted).isEmpty();
        assertThat(events.refused).isEmpty();
    }

    private static final class FakeKis implements KisUploadPort {
        final List<FileToSubmit> uploads = new ArrayList<>();
        Function<FileToSubmit, UploadOutcome> answer;

        @Override
        public UploadOutcome upload(FileToSubmit file) {
            uploads.add(file);
            return answer.apply(file);
        }
    }

    private static final class RecordedEvents implements SubmissionEventsPort {
        final List<String> submitted = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final List<String> refusedMessages = new ArrayList<>();

        @Override
        public void submitted(FileToSubmit file, UploadOutcome.Accepted accepted) {
            submitted.add(file.fileId() + " " + accepted.receiptNo());
        }

        @Override
        public void refused(FileToSubmit file, UploadOutcome.Refused refused) {
            this.refused.add(file.fileId() + " " + refused.code() + " " + refused.line());
            refusedMessages.add(refused.message());
        }
    }
}
