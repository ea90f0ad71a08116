-- Indexes only on the PG core tables (allowed by pg-core.sql; no column is added, dropped or changed).
-- Same-day cancel lookup (N003): a cancel finds its original approval by sub-merchant and approval number.
CREATE INDEX ix_payment_transaction_sm_approval ON payment_transaction (sub_merchant_id, approval_no);
