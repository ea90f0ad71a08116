package kr.co.pg.settlement.collector.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files re-created from their events after a restore (the collector's file ledger), on a real migrated database: the
 * file row exactly as decided, the sequence counter past it, and a record a later file holds (the first run's resend
 * after KIS failed a file) left there.
 */
class JdbcRecreatedFilesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final LocalDateTime EARLY = LocalDateTime.of(2026, 11, 24, 1, 0);
    private static final LocalDateTime LATE = LocalDateTime.of(2026, 11, 24, 9, 30);
    @RegisterExtension
    static final PersistenceContext adapters = new PersistenceContext("recreated_files_it");

    private final JdbcRecreatedFiles files = new JdbcRecreatedFiles(adapters.jdbc(), Clock.system(ZoneId.of("Asia/Seoul")));

    @Test
    void aFileComesBackAsDecidedAndLaterSequencesDoNotCollideWithIt() {
        files.insertFile("S1", "S1-20261124-000007", DAY, 7, DAY, "kick-7", 2, EARLY);

        assertThat(files.known(List.of("S1-20261124-000007", "S1-20261124-000008"))).containsExactly("S1-20261124-000007");
        assertThat(adapters.jdbc().queryForMap("SELECT file_type, file_seq, kickoff_id, record_count, status, created_at"
                + " FROM kis_file WHERE file_id = 'S1-20261124-000007'"))
                .containsEntry("file_type", "S1").containsEntry("file_seq", 7).containsEntry("kickoff_id", "kick-7")
                .containsEntry("record_count", 2).containsEntry("status", "CREATED");
        assertThat(adapters.jdbc().queryForObject("SELECT last_seq FROM kis_file_sequence WHERE file_type = 'S1'"
                + " AND file_date = ?", Integer.class, DAY)).isEqualTo(7);

        files.insertFile("S1", "S1-20261124-000003", DAY, 3, DAY, "kick-3", 1, EARLY);
        assertThat(adapters.jdbc().queryForObject("SELECT last_seq FROM kis_file_sequence WHERE file_type = 'S1'"
                + " AND file_date = ?", Integer.class, DAY)).as("never moved back").isEqualTo(7);
    }

    @Test
    void aTransactionStaysInTheReplacementFileWhicheverEventComesBackFirst() {
        files.insertFile("S1", "S1-20261124-000011", DAY, 11, DAY, "kick-a", 2, EARLY);
        files.insertFile("S1", "S1-20261124-000012", DAY, 12, DAY, null, 2, LATE);
        insertRequest("TX-A1", "S1-20261124-000011", 1);
        insertRequest("TX-A2", "S1-20261124-000011", 2);

        assertThat(files.alreadyRequested(List.of("TX-A1", "TX-A2", "TX-A3"))).isEqualTo(Set.of("TX-A1", "TX-A2"));

        // the replacement's event: its records move out of the earlier file
        files.moveToLaterFile(s1("S1-20261124-000012", LATE), List.of(tx(1, "TX-A2"), tx(2, "TX-A1")));
        assertThat(adapters.jdbc().queryForList("SELECT CONCAT(transaction_id, '@', file_id, '#', seq)"
                + " FROM settlement_request WHERE transaction_id LIKE 'TX-A%' ORDER BY transaction_id", String.class))
                .containsExactly("TX-A1@S1-20261124-000012#2", "TX-A2@S1-20261124-000012#1");

        // the failed original's event read after it: the later file keeps them
        files.moveToLaterFile(s1("S1-20261124-000011", EARLY), List.of(tx(1, "TX-A1"), tx(2, "TX-A2")));
        assertThat(adapters.jdbc().queryForList("SELECT DISTINCT file_id FROM settlement_request"
                + " WHERE transaction_id LIKE 'TX-A%'", String.class)).containsExactly("S1-20261124-000012");
    }

    @Test
    void aRegistrationMovedToAReplacementIsRequestedOnceWhicheverEventComesBackFirst() {
        files.insertFile("R1", "R1-20261124-000001", DAY, 1, DAY, "kick-r", 2, EARLY);
        files.insertFile("R1", "R1-20261124-000002", DAY, 2, DAY, null, 1, LATE);
        insertRegistration("R1-20261124-000001", 1, "SM-MOVED");
        insertRegistration("R1-20261124-000001", 2, "SM-STAYS");

        // the replacement first: the original's open row of that sub-merchant goes, the replacement's is to insert
        List<RegistrationFileRequested.Registration> toInsert = files.registrationsToRecreate(r1("R1-20261124-000002",
                LATE, reg(1, "SM-MOVED")));
        assertThat(toInsert).extracting(RegistrationFileRequested.Registration::subMerchantId).containsExactly("SM-MOVED");
        assertThat(registrationsOf("SM-MOVED")).isEmpty();
        assertThat(registrationsOf("SM-STAYS")).containsExactly("R1-20261124-000001");
        insertRegistration("R1-20261124-000002", 1, "SM-MOVED");

        // the original's event again (read after the replacement): the moved request is not requested twice
        List<RegistrationFileRequested.Registration> again = files.registrationsToRecreate(r1("R1-20261124-000001",
                EARLY, reg(1, "SM-MOVED"), reg(2, "SM-STAYS")));
        assertThat(again).extracting(RegistrationFileRequested.Registration::subMerchantId).containsExactly("SM-STAYS");
        assertThat(registrationsOf("SM-MOVED")).containsExactly("R1-20261124-000002");
    }

    private List<String> registrationsOf(String subMerchant) {
        return adapters.jdbc().queryForList("SELECT file_id FROM registration_request WHERE sub_merchant_id = ?",
                String.class, subMerchant);
    }

    private static void insertRequest(String transactionId, String fileId, int seq) {
        adapters.jdbc().update("INSERT INTO settlement_request (transaction_id, file_id, seq, business_date,"
                + " expected_amount, status, created_at, updated_at) VALUES (?, ?, ?, ?, 100, 'COLLECTED', NOW(), NOW())",
                transactionId, fileId, seq, DAY);
    }

    private static void insertRegistration(String fileId, int seq, String subMerchant) {
        adapters.jdbc().update("INSERT INTO registration_request (file_id, seq, sub_merchant_id, request_type,"
                + " business_date, status, created_at, updated_at) VALUES (?, ?, ?, 'N', ?, 'REQUESTED', NOW(), NOW())",
                fileId, seq, subMerchant, DAY);
    }

    private static SettlementFileRequested s1(String fileId, LocalDateTime createdAt) {
        return new SettlementFileRequested("requested:" + fileId, DAY, fileId, DAY,
                Integer.parseInt(fileId.substring(12)), createdAt, List.of());
    }

    private static SettlementFileRequested.Transaction tx(int seq, String transactionId) {
        return new SettlementFileRequested.Transaction(seq, transactionId, "SM1", "KIS000000001", "1234567891", "BC",
                "CREDIT", "APPROVAL", LocalDateTime.of(2026, 11, 23, 10, 0), "12345678", null, null,
                "123456******1234", 10_000, new BigDecimal("2.000"), 200, 100);
    }

    private static RegistrationFileRequested r1(String fileId, LocalDateTime createdAt,
                                                RegistrationFileRequested.Registration... records) {
        return new RegistrationFileRequested("requested:" + fileId, DAY, fileId, DAY,
                Integer.parseInt(fileId.substring(12)), createdAt, List.of(records));
    }

    private static RegistrationFileRequested.Registration reg(int seq, String subMerchant) {
        return new RegistrationFileRequested.Registration(seq, "N", subMerchant, "1234567891", "상호", "대표",
                LocalDate.of(2020, 1, 1), null, "5812", "0212345678", "06000", "서울");
    }
}
