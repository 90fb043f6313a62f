-- Stage statistics read an order's status changes and hops by time. jsonb_path_ops cannot answer "has key",
-- so these partial indexes do; the queries repeat each predicate exactly (StageStatisticsQueries).
CREATE INDEX IF NOT EXISTS spans_transitions_by_time ON spans (end_time_unix_nano)
    WHERE attributes ? 'order.status.to';
CREATE INDEX IF NOT EXISTS spans_order_hops ON spans (end_time_unix_nano)
    WHERE attributes ? 'order.id' AND NOT (attributes ? 'order.status.to');
