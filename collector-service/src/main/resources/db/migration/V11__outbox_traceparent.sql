-- The W3C trace context (traceparent) of the transaction that wrote the outbox row: the outbox relay sends it as the
-- record's "traceparent" header, so the consumers continue the kick-off's trace. Nullable: rows written before (or
-- without a trace) are relayed without the header. Instant on MariaDB (a nullable column added at the end).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55) NULL;
