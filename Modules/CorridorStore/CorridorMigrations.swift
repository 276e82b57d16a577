import GRDB

/// The versioned schema. Migrations are append-only: never edit one that has shipped.
enum CorridorMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-reference-data") { db in
            try db.execute(sql: """
                CREATE TABLE source_file (
                    dataset TEXT PRIMARY KEY,
                    location TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    rows INTEGER NOT NULL,
                    imported_at TEXT NOT NULL
                ) STRICT;
                CREATE TABLE release (
                    id TEXT PRIMARY KEY,
                    family TEXT NOT NULL,
                    title TEXT NOT NULL,
                    effective_from TEXT NOT NULL,
                    hs_basis TEXT NOT NULL,
                    effective_date_source TEXT NOT NULL,
                    relative_path TEXT NOT NULL,
                    superseded_on TEXT
                ) STRICT;
                CREATE TABLE nomenclature (
                    release_id TEXT NOT NULL REFERENCES release(id) ON DELETE CASCADE,
                    code TEXT NOT NULL,
                    description TEXT NOT NULL,
                    full_description TEXT NOT NULL,
                    parent TEXT,
                    section TEXT,
                    units TEXT NOT NULL,
                    general_rate TEXT,
                    special_rate TEXT,
                    column2_rate TEXT,
                    additional_duties TEXT,
                    quota TEXT,
                    UNIQUE (release_id, code)
                ) STRICT;
                CREATE INDEX nomenclature_parent ON nomenclature(release_id, parent, code);
                CREATE VIRTUAL TABLE nomenclature_fts USING fts5(
                    description, full_description, release_id UNINDEXED,
                    tokenize = 'porter unicode61 remove_diacritics 2'
                );
                CREATE TABLE correlation (
                    from_version TEXT NOT NULL,
                    to_version TEXT NOT NULL,
                    from_code TEXT NOT NULL,
                    to_code TEXT NOT NULL,
                    relationship TEXT NOT NULL,
                    partial INTEGER NOT NULL,
                    PRIMARY KEY (from_version, to_version, from_code, to_code)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX correlation_reverse ON correlation(from_version, to_version, to_code);
                """)
        }
        migrator.registerMigration("v1-tenants") { db in
            try db.execute(sql: """
                CREATE TABLE enterprise (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    country TEXT NOT NULL
                ) STRICT;
                CREATE TABLE api_key (
                    id TEXT PRIMARY KEY,
                    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
                    role TEXT NOT NULL,
                    secret_hash TEXT NOT NULL,
                    label TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                ) STRICT;
                CREATE INDEX api_key_enterprise ON api_key(enterprise_id);
                """)
        }
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger_entry (
                    idx INTEGER PRIMARY KEY,
                    data BLOB NOT NULL,
                    leaf_hash BLOB NOT NULL,
                    owner TEXT,
                    appended_at TEXT NOT NULL
                ) STRICT;
                CREATE INDEX ledger_entry_owner ON ledger_entry(owner, idx);
                CREATE TABLE ledger_node (
                    level INTEGER NOT NULL,
                    idx INTEGER NOT NULL,
                    hash BLOB NOT NULL,
                    PRIMARY KEY (level, idx)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE ledger_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    size INTEGER NOT NULL
                ) STRICT;
                INSERT INTO ledger_state (id, size) VALUES (1, 0);
                """)
        }
        migrator.registerMigration("v1-transfer-counters") { db in
            try db.execute(sql: """
                CREATE TABLE transfer_counter (
                    exporter TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    individuals INTEGER NOT NULL,
                    sensitive_individuals INTEGER NOT NULL,
                    PRIMARY KEY (exporter, year)
                ) STRICT;
                """)
        }
        // Alerts (issue 7). Instants are REAL seconds since 1970 (UTC): the pipeline compares
        // them, and the outbox orders by them.
        migrator.registerMigration("v1-alerts") { db in
            try db.execute(sql: """
                CREATE TABLE alert_event (
                    key TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    body TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    received_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                ) STRICT;
                CREATE TABLE alert_sku (
                    enterprise TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    hs6 TEXT NOT NULL,
                    markets TEXT NOT NULL,
                    PRIMARY KEY (enterprise, sku)
                ) STRICT;
                CREATE TABLE alert_subscription (
                    enterprise TEXT NOT NULL,
                    id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    webhook_secret TEXT,
                    PRIMARY KEY (enterprise, id)
                ) STRICT;
                CREATE TABLE alert (
                    id INTEGER PRIMARY KEY,
                    enterprise TEXT NOT NULL,
                    subscription TEXT NOT NULL,
                    event_key TEXT NOT NULL REFERENCES alert_event(key),
                    severity INTEGER NOT NULL,
                    measure TEXT NOT NULL,
                    match TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    ends_at REAL NOT NULL,
                    -- Event first: a batch's alerts land side by side in the index, not all over it.
                    UNIQUE (event_key, enterprise, subscription)
                ) STRICT;
                CREATE INDEX alert_active ON alert(ends_at);
                CREATE INDEX alert_by_enterprise ON alert(enterprise, id);
                CREATE TABLE alert_notification_log (
                    key TEXT PRIMARY KEY,
                    alert_ids TEXT NOT NULL,
                    notified_at REAL NOT NULL,
                    sequence INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE alert_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    enterprise TEXT NOT NULL,
                    subscription TEXT NOT NULL,
                    url TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    attempts INTEGER NOT NULL,
                    created_at REAL NOT NULL,
                    next_attempt_at REAL NOT NULL,
                    last_error TEXT
                ) STRICT;
                CREATE INDEX alert_outbox_due ON alert_outbox(next_attempt_at);
                CREATE TABLE alert_dead_letter (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    outbox_id INTEGER NOT NULL,
                    enterprise TEXT NOT NULL,
                    subscription TEXT NOT NULL,
                    url TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    idempotency_key TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    created_at REAL NOT NULL,
                    failed_at REAL NOT NULL,
                    reason TEXT NOT NULL
                ) STRICT;
                CREATE TABLE alert_silence (
                    id TEXT PRIMARY KEY,
                    enterprise TEXT,
                    matchers TEXT NOT NULL,
                    starts_at REAL NOT NULL,
                    ends_at REAL NOT NULL,
                    created_by TEXT NOT NULL,
                    comment TEXT NOT NULL
                ) STRICT;
                CREATE TABLE alert_feed_state (
                    url TEXT PRIMARY KEY,
                    etag TEXT,
                    last_modified TEXT,
                    fetched_at REAL NOT NULL
                ) STRICT;
                """)
        }
        migrator.registerMigration("v1-decisions") { db in
            try db.execute(sql: """
                CREATE TABLE decision (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    owner TEXT,
                    recorded_at REAL NOT NULL,
                    request BLOB NOT NULL,
                    context BLOB NOT NULL,
                    output BLOB NOT NULL,
                    packs TEXT NOT NULL
                ) STRICT;
                CREATE TABLE decision_pack (
                    sha256 TEXT PRIMARY KEY,
                    text TEXT NOT NULL
                ) STRICT;
                """)
        }
        return migrator
    }
}
