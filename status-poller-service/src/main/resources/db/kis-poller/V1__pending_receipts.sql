-- Receipts KIS accepted, until their result (or failure) is published. One row per KIS receipt.
CREATE TABLE pending_receipt (
    receipt_no     VARCHAR(20)   NOT NULL,
    file_id        VARCHAR(40)   NOT NULL,
    file_type      CHAR(2)       NOT NULL,          -- request type: R1 | S1
    business_date  DATE          NOT NULL,
    file_date      DATE          NOT NULL,
    file_seq       INT           NOT NULL,
    record_count   INT           NOT NULL,
    status         VARCHAR(20)   NOT NULL,          -- PENDING | PUBLISHED | FAILED_PUBLISHED
    attempts       INT           NOT NULL DEFAULT 0, -- polls that ended in an error (invalid result, KIS trouble)
    next_poll_at   DATETIME(3)   NOT NULL,
    last_polled_at DATETIME(3)   NULL,
    last_error     VARCHAR(1000) NULL,
    submitted_at   DATETIME(3)   NOT NULL,
    completed_at   DATETIME(3)   NULL,
    CONSTRAINT pk_pending_receipt PRIMARY KEY (receipt_no),
    KEY ix_pending_receipt_due (status, next_poll_at),
    KEY ix_pending_receipt_type (status, file_type, submitted_at),
    KEY ix_pending_receipt_file (file_id)
) ENGINE = InnoDB;

-- Events (kick-offs) this service has handled, so a redelivery does nothing.
CREATE TABLE processed_event (
    consumer     VARCHAR(40)  NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    processed_at DATETIME(3)  NOT NULL,
    CONSTRAINT pk_processed_event PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB;
