package kr.co.pg.settlement.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;
import kr.co.pg.settlement.gateway.GatewayTestData;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.S1Record;
import org.junit.jupiter.api.Test;

class RequestFileRendererTest {

    private final RequestFileRenderer renderer = new RequestFileRenderer("PG00000001");

    private static Transaction typed(int seq, String cardType, String transactionType) {
        Transaction t = GatewayTestData.transaction(seq, "TX-" + seq, 10_000L);
        return new Transaction(t.seq(), t.transactionId(), t.subMerchantId(), t.kisSubMerchantNo(), t.businessNo(),
                t.cardCompany(), cardType, transactionType, t.approvedAt(), t.approvalNo(), t.originalApprovedOn(),
                t.originalApprovalNo(), t.maskedCardNo(), t.amount(), t.appliedFeeRate(), t.feeAmount(),
                t.expectedDifference());
    }

    private static SettlementFileRequested file(List<Transaction> records) {
        return GatewayTestData.settlementFile(GatewayTestData.fileId("S1", 21), 21, records);
    }

    @Test
    void thePgCardAndTransactionTypesBecomeTheirS1Codes() throws Exception {
        byte[] content = renderer.renderS1(file(List.of(typed(1, "CREDIT", "APPROVAL"), typed(2, "CHECK", "CANCEL"),
                typed(3, "CHECK", "PARTIAL_CANCEL"))));

        List<S1Record> read = new ArrayList<>();
        assertThat(KisFileReader.read(content, FileType.S1, (S1Record r) -> read.add(r)).errors()).isEmpty();
        assertThat(read).extracting(S1Record::cardType).containsExactly('C', 'K', 'K');
        assertThat(read).extracting(S1Record::transactionType).containsExactly('A', 'C', 'P');
    }

    @Test
    void anUnknownOrMissingCardTypeIsAnInvalidEventNamingTheTransactionFieldAndValue() {
        assertThatThrownBy(() -> renderer.renderS1(file(List.of(typed(1, "DEBIT", "APPROVAL")))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("transaction TX-1: field cardType: 'DEBIT' is not CREDIT or CHECK");
        assertThatThrownBy(() -> renderer.renderS1(file(List.of(typed(1, null, "APPROVAL")))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("field cardType: 'null'");
    }

    @Test
    void anUnknownTransactionTypeIsAnInvalidEventNamingTheTransactionFieldAndValue() {
        assertThatThrownBy(() -> renderer.renderS1(file(List.of(typed(1, "CREDIT", "approval")))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("transaction TX-1: field transactionType: 'approval' is not APPROVAL, CANCEL"
                        + " or PARTIAL_CANCEL");
    }
}
