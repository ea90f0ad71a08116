-- TablePruner deletes finished receipts and processed events by age, in batches.
CREATE INDEX ix_pending_receipt_completed ON pending_receipt (status, completed_at);
CREATE INDEX ix_processed_event_processed_at ON processed_event (processed_at);
