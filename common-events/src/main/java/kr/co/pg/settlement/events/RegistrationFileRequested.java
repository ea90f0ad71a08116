package kr.co.pg.settlement.events;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The collector put these sub-merchants into one R1 file. Everything needed to render the file byte for
 * byte is here (including {@code createdAt}), so a redelivered event renders the same bytes and reuses the
 * same Idempotency-Key ({@code fileId}).
 */
public record RegistrationFileRequested(String eventId, LocalDate businessDate, String fileId, LocalDate fileDate,
                                        int fileSeq, LocalDateTime createdAt, List<Registration> records,
                                        String kickoffId)
        implements FileRequested<RegistrationFileRequested.Registration> {

    /** Without the kick-off id: events written before it was carried (it is optional on the wire). */
    public RegistrationFileRequested(String eventId, LocalDate businessDate, String fileId, LocalDate fileDate, int fileSeq,
            LocalDateTime createdAt, List<Registration> records) {
        this(eventId, businessDate, fileId, fileDate, fileSeq, createdAt, records, null);
    }

    /** One R1 data record. {@code requestType}: N new, U update, C close. */
    public record Registration(int seq, String requestType, String subMerchantId, String businessNo,
                               String businessName, String representativeName, LocalDate openedOn,
                               LocalDate closedOn, String industryCode, String phone, String postalCode,
                               String address) {
    }
}
