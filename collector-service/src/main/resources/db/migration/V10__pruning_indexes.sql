-- TablePruner deletes processed_event rows by age in batches: without this index every batch scans the table.
CREATE INDEX ix_processed_event_processed_at ON processed_event (processed_at);
