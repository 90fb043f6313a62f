-- Partial indexes on spans that stage statistics once read; they now read the state kept at ingest
-- (010_order_state.sql), so the indexes are dropped from stores that have them.
DROP INDEX IF EXISTS spans_transitions_by_time;
DROP INDEX IF EXISTS spans_order_hops;
