-- Indexes for order journeys and stuck orders. Idempotent, like 001. Queries repeat each partial index's
-- predicate word for word so the planner can prove they apply.

-- Status changes (order.transition spans), by order and newest first: an order's latest status.
CREATE INDEX IF NOT EXISTS spans_order_transitions
    ON spans ((attributes->>'order.id'), end_time_unix_nano DESC)
    WHERE attributes ? 'order.status.to';

-- Messages by id and kind: does a published message have a consumer span?
CREATE INDEX IF NOT EXISTS spans_message_ids
    ON spans ((attributes->>'messaging.message.id'), kind)
    WHERE attributes ? 'messaging.message.id';

-- Published messages by time: the candidates for "lost in RabbitMQ".
CREATE INDEX IF NOT EXISTS spans_published_messages
    ON spans (end_time_unix_nano)
    WHERE attributes ? 'messaging.message.id' AND kind = 4;

-- Failed spans by time: rare, so the index stays small.
CREATE INDEX IF NOT EXISTS spans_errors
    ON spans (end_time_unix_nano DESC)
    WHERE status_code = 2;
