-- The W3C trace context (traceparent) the receipt was recorded in (its FileSubmitted's): polling it and publishing
-- its results continue the kick-off's trace. Nullable: receipts recorded before (or without a trace) start their own.
ALTER TABLE pending_receipt ADD COLUMN traceparent VARCHAR(55) NULL;
