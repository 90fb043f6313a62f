-- Per status and time bucket: the stays that began in it (Stages/StatusRollups), in the same three tiers as
-- hop_rollups, bucketed by when the order entered the status. A stay is measured once the order left the status (its
-- transition's left_at); a late transition shortens the stay it falls in, so the writer subtracts the old duration and
-- adds the new one: every column is a sum, and the histogram's counts are added, never recomputed. Idempotent, like 001.
CREATE TABLE IF NOT EXISTS status_rollups (
    tier smallint NOT NULL,
    bucket_start bigint NOT NULL,
    status text NOT NULL,
    transitions bigint NOT NULL,
    failed bigint NOT NULL,
    completed bigint NOT NULL,
    latency_buckets smallint[] NOT NULL,
    latency_counts bigint[] NOT NULL,
    PRIMARY KEY (tier, bucket_start, status)
);

-- The slowest stays of a status, longest first, in the order the stage statistics list them.
CREATE INDEX IF NOT EXISTS order_transitions_slowest ON order_transitions (status, (left_at - entered_at) DESC, trace_id, span_id)
    WHERE NOT failed AND left_at IS NOT NULL;
