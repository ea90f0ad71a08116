-- The collector's own tables (V1 holds the PG core tables, which already exist in production).

-- Read by the outbox-relay module (Debezium, binlog): keep this DDL exactly.
CREATE TABLE outbox_event (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, event_id VARCHAR(100) NOT NULL, event_type VARCHAR(100) NOT NULL, topic VARCHAR(200) NOT NULL, event_key VARCHAR(200) NOT NULL, business_date DATE NOT NULL, payload LONGBLOB NOT NULL, created_at DATETIME(3) NOT NULL, UNIQUE KEY ux_outbox_event_event_id (event_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per consumed event, written in the same transaction as the event's effect.
CREATE TABLE processed_event (
  consumer      VARCHAR(60)  NOT NULL,
  event_id      VARCHAR(100) NOT NULL,
  processed_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (consumer, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per kick-off id: a DONE run is never repeated; RUNNING/FAILED (crash, error) runs again.
CREATE TABLE job_run (
  kickoff_id     VARCHAR(100) NOT NULL PRIMARY KEY,
  job            VARCHAR(40)  NOT NULL,
  business_date  DATE         NOT NULL,
  status         VARCHAR(10)  NOT NULL,     -- RUNNING, DONE, FAILED
  files_created  INT          NOT NULL DEFAULT 0,
  rows_collected INT          NOT NULL DEFAULT 0,
  rows_rejected  INT          NOT NULL DEFAULT 0,
  rows_not_eligible INT       NOT NULL DEFAULT 0,
  started_at     DATETIME(3)  NOT NULL,
  finished_at    DATETIME(3)  NULL,
  message        VARCHAR(1000) NULL,
  KEY ix_job_run_date (business_date, job)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per request file (R1/S1). A file replaced after KIS FAILED it points at its replacement.
CREATE TABLE kis_file (
  file_id              VARCHAR(20)  NOT NULL PRIMARY KEY,   -- R1-20261124-000001
  file_type            CHAR(2)      NOT NULL,               -- R1, S1
  file_date            DATE         NOT NULL,
  file_seq             INT          NOT NULL,
  business_date        DATE         NOT NULL,
  kickoff_id           VARCHAR(100) NULL,
  record_count         INT          NOT NULL,
  created_at           DATETIME(3)  NOT NULL,
  status               VARCHAR(16)  NOT NULL,               -- CREATED, SUBMITTED, RESULT_RECEIVED, FAILED, REFUSED
  receipt_no           VARCHAR(20)  NULL,
  failure_code         VARCHAR(10)  NULL,
  failure_message      VARCHAR(1000) NULL,
  failure_line         INT          NULL,
  replaced_by_file_id  VARCHAR(20)  NULL,
  updated_at           DATETIME(3)  NOT NULL,
  UNIQUE KEY ux_kis_file_type_date_seq (file_type, file_date, file_seq),
  KEY ix_kis_file_business_date (business_date),
  KEY ix_kis_file_receipt (receipt_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The registration request table: one row per R1 record of the live file.
CREATE TABLE registration_request (
  file_id          VARCHAR(20) NOT NULL,
  seq              INT         NOT NULL,
  sub_merchant_id  VARCHAR(20) NOT NULL,
  request_type     CHAR(1)     NOT NULL,   -- N, U, C
  business_date    DATE        NOT NULL,
  status           VARCHAR(16) NOT NULL,   -- REQUESTED, SENT, REGISTERED, REJECTED
  result_code      CHAR(4)     NULL,
  created_at       DATETIME(3) NOT NULL,
  updated_at       DATETIME(3) NOT NULL,
  PRIMARY KEY (file_id, seq),
  KEY ix_registration_request_sub_merchant (sub_merchant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The difference-settlement request table: a transaction is in at most one row (primary key).
CREATE TABLE settlement_request (
  transaction_id   VARCHAR(20) NOT NULL PRIMARY KEY,
  file_id          VARCHAR(20) NOT NULL,
  seq              INT         NOT NULL,
  business_date    DATE        NOT NULL,
  expected_amount  BIGINT      NOT NULL,
  status           VARCHAR(16) NOT NULL,   -- COLLECTED, SENT, SETTLED, REJECTED
  result_code      CHAR(4)     NULL,
  created_at       DATETIME(3) NOT NULL,
  updated_at       DATETIME(3) NOT NULL,
  KEY ix_settlement_request_file (file_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- KIS settled an amount different from the PG's expected difference.
CREATE TABLE reconciliation_break (
  transaction_id   VARCHAR(20) NOT NULL PRIMARY KEY,
  business_date    DATE        NOT NULL,
  file_id          VARCHAR(20) NOT NULL,
  expected_amount  BIGINT      NOT NULL,
  settled_amount   BIGINT      NOT NULL,
  recorded_at      DATETIME(3) NOT NULL,
  KEY ix_reconciliation_break_date (business_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Reference data (domain.md): the preferential rate in force from effective_from, per card type and tier.
CREATE TABLE preferential_fee_rate (
  effective_from  DATE         NOT NULL,
  card_type       VARCHAR(6)   NOT NULL,   -- CREDIT, CHECK
  fee_tier        VARCHAR(10)  NOT NULL,   -- SMALL, MEDIUM_1, MEDIUM_2, MEDIUM_3
  rate            DECIMAL(6,3) NOT NULL,
  PRIMARY KEY (effective_from, card_type, fee_tier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO preferential_fee_rate (effective_from, card_type, fee_tier, rate) VALUES
  ('2022-01-31', 'CREDIT', 'SMALL', 0.500), ('2022-01-31', 'CREDIT', 'MEDIUM_1', 1.100),
  ('2022-01-31', 'CREDIT', 'MEDIUM_2', 1.250), ('2022-01-31', 'CREDIT', 'MEDIUM_3', 1.500),
  ('2022-01-31', 'CHECK', 'SMALL', 0.250), ('2022-01-31', 'CHECK', 'MEDIUM_1', 0.850),
  ('2022-01-31', 'CHECK', 'MEDIUM_2', 1.000), ('2022-01-31', 'CHECK', 'MEDIUM_3', 1.250),
  ('2025-02-14', 'CREDIT', 'SMALL', 0.400), ('2025-02-14', 'CREDIT', 'MEDIUM_1', 1.000),
  ('2025-02-14', 'CREDIT', 'MEDIUM_2', 1.150), ('2025-02-14', 'CREDIT', 'MEDIUM_3', 1.450),
  ('2025-02-14', 'CHECK', 'SMALL', 0.150), ('2025-02-14', 'CHECK', 'MEDIUM_1', 0.750),
  ('2025-02-14', 'CHECK', 'MEDIUM_2', 0.900), ('2025-02-14', 'CHECK', 'MEDIUM_3', 1.150);
