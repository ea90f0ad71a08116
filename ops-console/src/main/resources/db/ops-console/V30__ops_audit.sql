-- The ops console's audit of operator actions (kick-off, replay, dead-letter re-drive; dry runs and executions).
-- Lives in the settlement database beside the collector's tables; the console's own Flyway history table
-- (ops_console_schema_history) keeps it apart from the collector's migrations.
CREATE TABLE IF NOT EXISTS ops_audit (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME(3)   NOT NULL,            -- KST wall clock
  username    VARCHAR(100)  NOT NULL,
  action      VARCHAR(20)   NOT NULL,            -- KICKOFF, REPLAY, DLT_REDRIVE
  phase       VARCHAR(10)   NOT NULL,            -- DRY_RUN, EXECUTE
  parameters  VARCHAR(1000) NOT NULL,
  outcome     VARCHAR(10)   NOT NULL,            -- OK, FAILED, REFUSED
  result      TEXT          NULL,                -- what the action printed (cut to 8,000 characters)
  KEY ix_ops_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
