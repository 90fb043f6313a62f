-- State kept at ingest (Orders/State/OrderStateSql): what the stuck report, the alert rules and the stage statistics
-- read instead of raw spans. Maintained in the writer's transaction from exactly the spans that were new, so a re-sent
-- batch changes nothing; every rule below is order-independent (latest by time then span id, least, sums), so spans
-- that arrive late or shuffled give the same state. Idempotent, like 001.

-- Every status change of every order (failed ones too: they count as failed transitions), with when the order left
-- the status: the next transition that did not fail, by time then span id. NULL while the order is still in it.
CREATE TABLE IF NOT EXISTS order_transitions (
    order_id text NOT NULL,
    entered_at bigint NOT NULL,                -- the transition span's end
    span_id bytea NOT NULL,
    trace_id bytea NOT NULL,
    status text NOT NULL,
    failed boolean NOT NULL,
    service_name text NOT NULL,
    left_at bigint,
    PRIMARY KEY (order_id, entered_at, span_id)
);

CREATE INDEX IF NOT EXISTS order_transitions_entered ON order_transitions (entered_at);

-- Per order: the status it is in (its latest transition that did not fail) and the newest span seen of it.
CREATE TABLE IF NOT EXISTS order_state (
    order_id text PRIMARY KEY,
    status text,                               -- NULL until a transition arrived
    status_entered_at bigint,
    status_trace_id bytea,
    status_span_id bytea,
    last_at bigint NOT NULL,
    last_service text NOT NULL,
    last_name text NOT NULL,
    last_error text,                           -- the newest span's failure reason, NULL when it did not fail
    last_trace_id bytea NOT NULL,
    last_span_id bytea NOT NULL
);

-- Orders in a status since when: stuck orders are a range of it per status.
CREATE INDEX IF NOT EXISTS order_state_status ON order_state (lower(status), status_entered_at) WHERE status IS NOT NULL;
CREATE INDEX IF NOT EXISTS order_state_last ON order_state (last_at);

-- Every publish (producer span with a message id), and whether any consumer span of that message id arrived.
CREATE TABLE IF NOT EXISTS published_messages (
    trace_id bytea NOT NULL,
    span_id bytea NOT NULL,
    message_id text NOT NULL,
    order_id text,
    published_at bigint NOT NULL,
    confirmed boolean NOT NULL,
    consumed boolean NOT NULL,
    exchange text,
    routing_key text,
    queue text,
    publisher text NOT NULL,
    PRIMARY KEY (trace_id, span_id)
);

CREATE INDEX IF NOT EXISTS published_messages_id ON published_messages (message_id);
-- Confirmed and not consumed: the candidates for "lost in RabbitMQ", few at any time.
CREATE INDEX IF NOT EXISTS published_messages_waiting ON published_messages (published_at) WHERE confirmed AND NOT consumed;

-- Message ids a consumer span was seen for, so a publish that arrives after its consumer is not taken for lost.
CREATE TABLE IF NOT EXISTS consumed_messages (
    message_id text PRIMARY KEY,
    first_consumed_at bigint NOT NULL
);

-- Failed steps of orders (a failed transition, request served, publish or processing) and dead-lettered messages.
CREATE TABLE IF NOT EXISTS order_failures (
    trace_id bytea NOT NULL,
    span_id bytea NOT NULL,
    order_id text NOT NULL,
    at bigint NOT NULL,
    dead_lettered boolean NOT NULL,
    hop_kind text NOT NULL,
    service_name text NOT NULL,
    name text NOT NULL,
    reason text NOT NULL,
    error_type text,
    message_id text,
    routing_key text,
    queue text,
    PRIMARY KEY (trace_id, span_id)
);

CREATE INDEX IF NOT EXISTS order_failures_at ON order_failures (dead_lettered, at DESC);

-- Per hop (kind, service, span name) and time bucket: the hops of orders that ended in it (Stages/HopRollups), in
-- three tiers of bucket (Stages/RollupTier: 1 minute, 2 hour, 3 day) so a window of any length reads few rows. Latency
-- is kept as log-scale bucket counts (Stages/LatencyHistogram), the five slowest as parallel arrays. Hop durations
-- never change once stored, so every column merges exactly: sums, greatest, bucket counts added, the top five of both.
CREATE TABLE IF NOT EXISTS hop_rollups (
    tier smallint NOT NULL,
    bucket_start bigint NOT NULL,
    kind text NOT NULL,
    service_name text NOT NULL,
    name text NOT NULL,
    count bigint NOT NULL,
    errors bigint NOT NULL,
    total_ns bigint NOT NULL,
    max_ns bigint NOT NULL,
    latency_buckets smallint[] NOT NULL,
    latency_counts bigint[] NOT NULL,
    slow_orders text[] NOT NULL,
    slow_durations bigint[] NOT NULL,
    slow_traces bytea[] NOT NULL,
    slow_spans bytea[] NOT NULL,
    PRIMARY KEY (tier, bucket_start, kind, service_name, name)
);

-- For the state's own retention (Orders/State/StateRetention), by age.
CREATE INDEX IF NOT EXISTS published_messages_at ON published_messages (published_at);
CREATE INDEX IF NOT EXISTS consumed_messages_at ON consumed_messages (first_consumed_at);
CREATE INDEX IF NOT EXISTS order_failures_age ON order_failures (at);
-- An order's messages still waiting, for its journey's header.
CREATE INDEX IF NOT EXISTS published_messages_order ON published_messages (order_id) WHERE confirmed AND NOT consumed;
