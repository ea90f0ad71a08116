-- A poller instance claims the receipts it polls (lease: owner + expiry), so two instances never process one receipt
-- at the same time; a crashed instance's claims expire and another takes them over.
ALTER TABLE pending_receipt
    ADD COLUMN claimed_by    VARCHAR(64) NULL AFTER completed_at,
    ADD COLUMN claimed_until DATETIME(3) NULL AFTER claimed_by,
    ADD KEY ix_pending_receipt_claim (claimed_by, claimed_until);
