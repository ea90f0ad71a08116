-- A DIFF_SETTLEMENT_REQUEST run is split into slices that any collector instance can take (through Kafka).
-- The run (job_run) is DONE when its last slice is.
CREATE TABLE job_slice (
  kickoff_id        VARCHAR(100) NOT NULL,
  slice_no          INT          NOT NULL,
  slice_count       INT          NOT NULL,
  -- the slice's range as split ("after|upTo"): a slice event of an earlier split of the same kick-off (a replay
  -- after a database restore) still collects what it covers, but only the current split's events finish slices
  bounds            VARCHAR(200) NOT NULL,
  status            VARCHAR(10)  NOT NULL,     -- PENDING, DONE
  files_created     INT          NOT NULL DEFAULT 0,
  rows_collected    INT          NOT NULL DEFAULT 0,
  rows_rejected     INT          NOT NULL DEFAULT 0,
  rows_not_eligible INT          NOT NULL DEFAULT 0,
  created_at        DATETIME(3)  NOT NULL,
  finished_at       DATETIME(3)  NULL,
  PRIMARY KEY (kickoff_id, slice_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The last file sequence handed out per (file type, file date). Sequences are reserved in short transactions of
-- their own, so slices collected in parallel (by several instances) never wait on each other's file row; a
-- sequence reserved by a page that then failed for good leaves a gap (KIS requires unique sequences, not
-- consecutive ones: a reused one is refused with 409).
CREATE TABLE kis_file_sequence (
  file_type  CHAR(2) NOT NULL,
  file_date  DATE    NOT NULL,
  last_seq   INT     NOT NULL,
  PRIMARY KEY (file_type, file_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
