-- Partial indexes on spans that the stuck report and the journeys once read (status changes by order, messages by
-- id, published messages, failed spans). Those answers now come from the state kept at ingest (010_order_state.sql),
-- so the indexes are dropped from stores that have them: ingest no longer maintains them for every span.
DROP INDEX IF EXISTS spans_order_transitions;
DROP INDEX IF EXISTS spans_message_ids;
DROP INDEX IF EXISTS spans_published_messages;
DROP INDEX IF EXISTS spans_errors;
