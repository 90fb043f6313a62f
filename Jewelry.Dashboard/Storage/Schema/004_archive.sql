-- Hours imported back from the S3 archive (Archive/ArchiveImporter), kept until keep_until: retention neither
-- archives them a second time nor removes them before then. hour_start is the hour's first nanosecond (UTC).
CREATE TABLE IF NOT EXISTS archive_imports (
    signal text NOT NULL,                      -- 'traces', 'logs' or 'metrics'
    hour_start bigint NOT NULL,
    keep_until timestamptz NOT NULL,
    PRIMARY KEY (signal, hour_start)
);
