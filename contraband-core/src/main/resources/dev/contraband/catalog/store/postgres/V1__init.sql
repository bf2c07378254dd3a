-- Catalog store, version 1 (PostgreSQL). Kept in step with sqlite/V1__init.sql: the same tables and columns.
CREATE TABLE runs (
    id BIGSERIAL PRIMARY KEY,
    worker TEXT NOT NULL,
    sources TEXT NOT NULL,
    detector_key TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    images_done BIGINT NOT NULL DEFAULT 0,
    images_failed BIGINT NOT NULL DEFAULT 0,
    layers_scanned BIGINT NOT NULL DEFAULT 0,
    layers_reused BIGINT NOT NULL DEFAULT 0,
    bytes_scanned BIGINT NOT NULL DEFAULT 0
);
-- One row per image reference; status pending -> planned -> done | failed.
CREATE TABLE images (
    ref TEXT PRIMARY KEY,
    repository TEXT NOT NULL,
    namespace TEXT NOT NULL,
    tag TEXT,
    status TEXT NOT NULL,
    digest TEXT,
    platform TEXT,
    config TEXT,
    verdict TEXT,
    categories TEXT,
    error TEXT,
    attempts BIGINT NOT NULL DEFAULT 0,
    claimed_by TEXT,
    claimed_at BIGINT,
    run_id BIGINT,
    added_at TEXT NOT NULL,
    finished_at TEXT,
    report BYTEA
);
CREATE INDEX images_status ON images (status);
CREATE TABLE image_layers (
    ref TEXT NOT NULL,
    idx BIGINT NOT NULL,
    digest TEXT NOT NULL,
    diff_id TEXT,
    media_type TEXT,
    size BIGINT NOT NULL,
    created_by TEXT,
    PRIMARY KEY (ref, idx)
);
CREATE INDEX image_layers_digest ON image_layers (digest);
-- Layer reports by layer digest and detector key (detector ids and versions, secret rule-set hash, store format).
CREATE TABLE layers (
    digest TEXT NOT NULL,
    detector_key TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_by TEXT,
    claimed_at BIGINT,
    stored_bytes BIGINT,
    uncompressed_bytes BIGINT,
    report BYTEA,
    scanned_at TEXT,
    PRIMARY KEY (digest, detector_key)
);
CREATE TABLE findings (
    ref TEXT NOT NULL,
    seq BIGINT NOT NULL,
    rule_id TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    layer_index BIGINT,
    layer_digest TEXT,
    path TEXT,
    deleted BIGINT NOT NULL,
    message TEXT NOT NULL,
    evidence TEXT,
    indicator TEXT,
    fingerprint TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (ref, seq)
);
CREATE INDEX findings_indicator ON findings (indicator);
CREATE INDEX findings_category ON findings (category);
