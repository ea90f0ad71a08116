package kr.co.pg.settlement.collector.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.co.pg.settlement.events.status.DiffStatus;

/**
 * N003 (domain.md, docs/architecture.md "Readings"): a full CANCEL and the APPROVAL it cancels, same sub-merchant,
 * the cancel's approval date equal to its original approval date, neither sent. "Not sent" is NONE, or already
 * NOT_ELIGIBLE/N003 (a run that stopped between the two rows' chunks must still finish the pair).
 */
public final class SameDayCancel {

    public record Row(String transactionId, String subMerchantId, String transactionType, String approvalNo,
                      LocalDateTime approvedAt, String originalApprovalNo, LocalDate originalApprovedOn,
                      DiffStatus diffStatus, String diffResultCode) {
    }

    public static boolean isPair(Row cancel, Row original) {
        return "CANCEL".equals(cancel.transactionType())
                && "APPROVAL".equals(original.transactionType())
                && cancel.subMerchantId().equals(original.subMerchantId())
                && cancel.originalApprovalNo() != null
                && cancel.originalApprovalNo().equals(original.approvalNo())
                && cancel.originalApprovedOn() != null
                && cancel.originalApprovedOn().equals(cancel.approvedAt().toLocalDate())
                && cancel.originalApprovedOn().equals(original.approvedAt().toLocalDate())
                && notSent(cancel) && notSent(original);
    }

    /** Never sent: still NONE, already N003, or refused locally for an unmasked card number (L201). */
    private static boolean notSent(Row row) {
        return row.diffStatus() == DiffStatus.NONE
                || (row.diffStatus() == DiffStatus.NOT_ELIGIBLE
                        && DifferenceSettlementPolicy.SAME_DAY_CANCEL.equals(row.diffResultCode()))
                || (row.diffStatus() == DiffStatus.REJECTED
                        && DifferenceSettlementPolicy.CARD_NUMBER_NOT_MASKED.equals(row.diffResultCode()));
    }

    private SameDayCancel() {
    }
}
