-- Catalog store, version 1 (SQLite). Kept in step with postgres/V1__init.sql: the same tables and columns.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    worker TEXT NOT NULL,
    sources TEXT NOT NULL,
    detector_key TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    images_done INTEGER NOT NULL DEFAULT 0,
    images_failed INTEGER NOT NULL DEFAULT 0,
    layers_scanned INTEGER NOT NULL DEFAULT 0,
    layers_reused INTEGER NOT NULL DEFAULT 0,
    bytes_scanned INTEGER NOT NULL DEFAULT 0
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
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_by TEXT,
    claimed_at INTEGER,
    run_id INTEGER,
    added_at TEXT NOT NULL,
    finished_at TEXT,
    report BLOB
);
CREATE INDEX images_status ON images (status);
CREATE TABLE image_layers (
    ref TEXT NOT NULL,
    idx INTEGER NOT NULL,
    digest TEXT NOT NULL,
    diff_id TEXT,
    media_type TEXT,
    size INTEGER NOT NULL,
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
    claimed_at INTEGER,
    stored_bytes INTEGER,
    uncompressed_bytes INTEGER,
    report BLOB,
    scanned_at TEXT,
    PRIMARY KEY (digest, detector_key)
);
CREATE TABLE findings (
    ref TEXT NOT NULL,
    seq INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    layer_index INTEGER,
    layer_digest TEXT,
    path TEXT,
    deleted INTEGER NOT NULL,
    message TEXT NOT NULL,
    evidence TEXT,
    indicator TEXT,
    fingerprint TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (ref, seq)
);
CREATE INDEX findings_indicator ON findings (indicator);
CREATE INDEX findings_category ON findings (category);
