public import CorridorModel
import Crypto
public import Foundation
import GRDB

/// ``AlertStore`` on the Corridor SQLite database (migration `v1-alerts`).
///
/// Events and subscriptions are kept as JSON beside the columns queried; the outbox and the
/// notification log are written in one transaction, so a process that dies between deciding to
/// notify and sending loses nothing and sends nothing twice.
public struct SQLiteAlertStore: AlertStore {
    private let database: CorridorDatabase

    /// Keeps alerts in `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    private static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    // MARK: Events

    public func recordEvents(_ events: [PolicyEvent], receivedAt: Date) async throws -> [EventRecordOutcome] {
        try await recordEvents(events, receivedAt: receivedAt, alerts: events.map { _ in [] }).outcomes
    }

    public func recordEvents(_ events: [PolicyEvent], receivedAt: Date, alerts: [[AlertRecord]]) async throws -> (outcomes: [EventRecordOutcome], alerts: [AlertRecord]) {
        guard events.count == alerts.count else {
            throw StoreError.invalidArguments("recordEvents got \(events.count) events but \(alerts.count) lists of alerts")
        }
        // Serialised before the transaction, on both cores, so the writer holds the lock only to write.
        let rows = try await Self.encode(events: events, alerts: alerts)
        let time = receivedAt.timeIntervalSince1970
        return try await database.writer.write { db in
            var outcomes: [EventRecordOutcome] = []
            var stored: [AlertRecord] = []
            let lookup = try db.cachedStatement(sql: "SELECT sha256 FROM alert_event WHERE key = ?")
            let insertEvent = try db.cachedStatement(sql: "INSERT INTO alert_event (key, source, body, sha256, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
            let updateEvent = try db.cachedStatement(sql: "UPDATE alert_event SET body = ?, sha256 = ?, updated_at = ? WHERE key = ?")
            let insertAlert = try db.cachedStatement(sql: """
                INSERT INTO alert (enterprise, subscription, event_key, severity, measure, match, created_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key, enterprise, subscription) DO NOTHING
                """)
            // A correction keeps each alert (and its id, so it is not notified as new) but takes the
            // event's new severity, measure and SKUs, and never ends earlier than before.
            let correctAlert = try db.cachedStatement(sql: """
                UPDATE alert SET severity = ?, measure = ?, match = ?, ends_at = max(ends_at, ?)
                WHERE enterprise = ? AND subscription = ? AND event_key = ?
                """)
            let correctOthers = try db.cachedStatement(sql: "UPDATE alert SET severity = ?, measure = ? WHERE event_key = ?")
            for row in rows {
                let event = row.event
                switch try String.fetchOne(lookup, arguments: [event.key]) {
                case nil:
                    try insertEvent.execute(arguments: [event.key, event.source, row.body, row.digest, time, time])
                    outcomes.append(.inserted)
                case row.digest?:
                    outcomes.append(.unchanged)
                    continue
                default:
                    try updateEvent.execute(arguments: [row.body, row.digest, time, event.key])
                    try correctOthers.execute(arguments: [event.severity.rank, event.measure.rawValue, event.key])
                    outcomes.append(.updated)
                }
                for (alert, match) in row.alerts {
                    if outcomes.last == .updated {
                        try correctAlert.execute(arguments: [event.severity.rank, event.measure.rawValue, match, alert.endsAt.timeIntervalSince1970,
                                                             alert.match.enterprise, alert.match.subscription, alert.match.eventID])
                        if db.changesCount > 0 { continue }
                    }
                    try insertAlert.execute(arguments: [alert.match.enterprise, alert.match.subscription, alert.match.eventID, event.severity.rank,
                                                        event.measure.rawValue, match, alert.createdAt.timeIntervalSince1970, alert.endsAt.timeIntervalSince1970])
                    if db.changesCount > 0 {
                        stored.append(AlertRecord(id: db.lastInsertedRowID, match: alert.match, event: alert.event, createdAt: alert.createdAt, endsAt: alert.endsAt))
                    }
                }
            }
            return (outcomes, stored)
        }
    }

    private struct EncodedEvent: Sendable {
        let event: PolicyEvent
        let body: String
        let digest: String
        let alerts: [(AlertRecord, String)]
    }

    /// JSON and SHA-256 of each event, and JSON of each alert's match, in two halves at once.
    private static func encode(events: [PolicyEvent], alerts: [[AlertRecord]]) async throws -> [EncodedEvent] {
        func encode(_ range: Range<Int>) throws -> [EncodedEvent] {
            try range.map { i in
                let body = try json(events[i])
                return EncodedEvent(event: events[i], body: body, digest: SHA256.hash(data: Data(body.utf8)).map { String(format: "%02x", $0) }.joined(),
                                    alerts: try alerts[i].map { ($0, try json($0.match)) })
            }
        }
        guard events.count > 16 else { return try encode(0..<events.count) }
        let middle = events.count / 2
        async let first = encode(0..<middle)
        let second = try encode(middle..<events.count)
        return try await first + second
    }

    public func event(key: String) async throws -> PolicyEvent? {
        let body = try await database.writer.read { db in try String.fetchOne(db, sql: "SELECT body FROM alert_event WHERE key = ?", arguments: [key]) }
        return try body.map { try Self.decode(PolicyEvent.self, $0) }
    }

    // MARK: Portfolios

    public func portfolios() async throws -> [Portfolio] {
        try await database.writer.read { db in
            let enterprises = try String.fetchAll(db, sql: "SELECT enterprise FROM alert_sku UNION SELECT enterprise FROM alert_subscription ORDER BY 1")
            return try enterprises.map { try Self.portfolio(of: $0, db) }
        }
    }

    public func portfolio(of enterprise: String) async throws -> Portfolio {
        try await database.writer.read { db in try Self.portfolio(of: enterprise, db) }
    }

    private static func portfolio(of enterprise: String, _ db: Database) throws -> Portfolio {
        let skus = try Row.fetchAll(db, sql: "SELECT sku, hs6, markets FROM alert_sku WHERE enterprise = ? ORDER BY rowid", arguments: [enterprise])
            .map { Portfolio.SKU(id: $0["sku"], hs6: $0["hs6"], markets: ($0["markets"] as String).split(separator: ",").map(String.init)) }
        let subscriptions = try String.fetchAll(db, sql: "SELECT body FROM alert_subscription WHERE enterprise = ? ORDER BY rowid", arguments: [enterprise])
            .map { try decode(Subscription.self, $0) }
        return Portfolio(enterprise: enterprise, skus: skus, subscriptions: subscriptions)
    }

    public func replaceSKUs(_ skus: [Portfolio.SKU], of enterprise: String) async throws {
        try await database.writer.write { db in try Self.replaceSKUs(skus, of: enterprise, db) }
    }

    public func saveSubscription(_ subscription: Subscription, of enterprise: String, webhookSecret: String?) async throws {
        let body = try Self.json(subscription)
        try await database.writer.write { db in try Self.saveSubscription(subscription.id, body: body, of: enterprise, secret: webhookSecret, db) }
    }

    public func importPortfolio(_ portfolio: Portfolio, webhookSecrets: [String: String]) async throws {
        let bodies = try portfolio.subscriptions.map { ($0.id, try Self.json($0)) }
        try await database.writer.write { db in
            try Self.replaceSKUs(portfolio.skus, of: portfolio.enterprise, db)
            for (id, body) in bodies { try Self.saveSubscription(id, body: body, of: portfolio.enterprise, secret: webhookSecrets[id], db) }
        }
    }

    private static func replaceSKUs(_ skus: [Portfolio.SKU], of enterprise: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM alert_sku WHERE enterprise = ?", arguments: [enterprise])
        let insert = try db.cachedStatement(sql: "INSERT INTO alert_sku (enterprise, sku, hs6, markets) VALUES (?, ?, ?, ?)")
        for sku in skus { try insert.execute(arguments: [enterprise, sku.id, sku.hs6, sku.markets.joined(separator: ",")]) }
    }

    private static func saveSubscription(_ id: String, body: String, of enterprise: String, secret: String?, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO alert_subscription (enterprise, id, body, webhook_secret) VALUES (?, ?, ?, ?)
            ON CONFLICT (enterprise, id) DO UPDATE SET body = excluded.body,
                webhook_secret = coalesce(excluded.webhook_secret, alert_subscription.webhook_secret)
            """, arguments: [enterprise, id, body, secret])
    }

    public func deleteSubscription(id: String, of enterprise: String) async throws -> Bool {
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM alert_subscription WHERE enterprise = ? AND id = ?", arguments: [enterprise, id])
            return db.changesCount > 0
        }
    }

    // MARK: Alerts

    public func deliverableAlerts(at instant: Date) async throws -> [AlertRecord] {
        try await fetchAlerts(sql: """
            SELECT a.id, a.match, a.created_at, a.ends_at, a.event_key, e.body FROM alert a
            JOIN alert_subscription s ON s.enterprise = a.enterprise AND s.id = a.subscription AND json_extract(s.body, '$.webhook') IS NOT NULL
            JOIN alert_event e ON e.key = a.event_key
            WHERE a.ends_at > ? ORDER BY a.id
            """, arguments: [instant.timeIntervalSince1970])
    }

    public func alerts(_ query: AlertQuery) async throws -> [AlertRecord] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let enterprise = query.enterprise { conditions.append("a.enterprise = ?"); arguments.append(enterprise) }
        if let severity = query.minSeverity { conditions.append("a.severity >= ?"); arguments.append(severity.rank) }
        if let measure = query.measure { conditions.append("a.measure = ?"); arguments.append(measure.rawValue) }
        if let subscription = query.subscription { conditions.append("a.subscription = ?"); arguments.append(subscription) }
        if let since = query.since { conditions.append("a.created_at >= ?"); arguments.append(since.timeIntervalSince1970) }
        if let before = query.before { conditions.append("a.id < ?"); arguments.append(before) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(query.limit)
        return try await fetchAlerts(sql: """
            SELECT a.id, a.match, a.created_at, a.ends_at, a.event_key, e.body FROM alert a JOIN alert_event e ON e.key = a.event_key
            \(whereClause) ORDER BY a.id DESC LIMIT ?
            """, arguments: StatementArguments(arguments))
    }

    private func fetchAlerts(sql: String, arguments: StatementArguments) async throws -> [AlertRecord] {
        try await database.writer.read { db in
            var events: [String: PolicyEvent] = [:]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let key: String = row["event_key"]
                let event: PolicyEvent
                if let known = events[key] {
                    event = known
                } else {
                    event = try Self.decode(PolicyEvent.self, row["body"])
                    events[key] = event
                }
                return AlertRecord(id: row["id"], match: try Self.decode(AlertMatch.self, row["match"]), event: event,
                                   createdAt: Date(timeIntervalSince1970: row["created_at"]), endsAt: Date(timeIntervalSince1970: row["ends_at"]))
            }
        }
    }

    // MARK: Notification log and outbox

    public func notificationLog() async throws -> [NotificationLogEntry] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT key, alert_ids, notified_at, sequence FROM alert_notification_log").map { row in
                NotificationLogEntry(key: row["key"], alertIDs: (row["alert_ids"] as String).split(separator: ",").compactMap { Int64($0) },
                                     notifiedAt: Date(timeIntervalSince1970: row["notified_at"]), sequence: row["sequence"])
            }
        }
    }

    public func enqueue(_ deliveries: [Delivery], log: [NotificationLogEntry]) async throws -> Bool {
        try await database.writer.write { db in
            // Compare and set: each entry must follow the one stored, or another loop got there first.
            let current = try db.cachedStatement(sql: "SELECT sequence FROM alert_notification_log WHERE key = ?")
            for entry in log where (try Int.fetchOne(current, arguments: [entry.key]) ?? 0) != entry.sequence - 1 {
                return false
            }
            for d in deliveries {
                let body = try String.fetchOne(db, sql: "SELECT body FROM alert_subscription WHERE enterprise = ? AND id = ?",
                                               arguments: [d.enterprise, d.subscription])
                guard let body, let url = try Self.decode(Subscription.self, body).webhook else { continue }
                let secret = try String.fetchOne(db, sql: "SELECT webhook_secret FROM alert_subscription WHERE enterprise = ? AND id = ?",
                                                 arguments: [d.enterprise, d.subscription]) ?? ""
                try db.execute(sql: """
                    INSERT INTO alert_outbox (enterprise, subscription, url, secret, payload, idempotency_key, attempts, created_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING
                    """, arguments: [d.enterprise, d.subscription, url, secret, d.payload, d.idempotencyKey,
                                     d.createdAt.timeIntervalSince1970, d.nextAttemptAt.timeIntervalSince1970])
            }
            for entry in log {
                try db.execute(sql: """
                    INSERT INTO alert_notification_log (key, alert_ids, notified_at, sequence) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET alert_ids = excluded.alert_ids, notified_at = excluded.notified_at, sequence = excluded.sequence
                    """, arguments: [entry.key, entry.alertIDs.map(String.init).joined(separator: ","), entry.notifiedAt.timeIntervalSince1970, entry.sequence])
            }
            return true
        }
    }

    public func claimDeliveries(dueAt instant: Date, limit: Int, leaseUntil: Date) async throws -> [Delivery] {
        try await database.writer.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM alert_outbox WHERE next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [instant.timeIntervalSince1970, limit])
            for row in rows {
                try db.execute(sql: "UPDATE alert_outbox SET next_attempt_at = ? WHERE id = ?", arguments: [leaseUntil.timeIntervalSince1970, row["id"] as Int64])
            }
            return rows.map { row in
                Delivery(id: row["id"], enterprise: row["enterprise"], subscription: row["subscription"], url: row["url"], secret: row["secret"],
                         payload: row["payload"], idempotencyKey: row["idempotency_key"], attempts: row["attempts"],
                         createdAt: Date(timeIntervalSince1970: row["created_at"]), nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]),
                         lastError: row["last_error"])
            }
        }
    }

    public func nextDeliveryTime() async throws -> Date? {
        try await database.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT min(next_attempt_at) FROM alert_outbox").map { Date(timeIntervalSince1970: $0) }
        }
    }

    public func pendingDeliveryCount() async throws -> Int {
        try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM alert_outbox") ?? 0 }
    }

    public func markDelivered(id: Int64, at instant: Date, attempts: Int) async throws {
        try await database.writer.write { db in try db.execute(sql: "DELETE FROM alert_outbox WHERE id = ?", arguments: [id]) }
    }

    public func scheduleRetry(id: Int64, attempts: Int, at next: Date, error: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE alert_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                           arguments: [attempts, next.timeIntervalSince1970, error, id])
        }
    }

    public func deadLetter(id: Int64, attempts: Int, at instant: Date, reason: String) async throws {
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO alert_dead_letter (outbox_id, enterprise, subscription, url, secret, payload, idempotency_key, attempts, created_at, failed_at, reason)
                SELECT id, enterprise, subscription, url, secret, payload, idempotency_key, ?, created_at, ?, ? FROM alert_outbox WHERE id = ?
                """, arguments: [attempts, instant.timeIntervalSince1970, reason, id])
            try db.execute(sql: "DELETE FROM alert_outbox WHERE id = ?", arguments: [id])
        }
    }

    public func deadLetters(enterprise: String?) async throws -> [DeadLetter] {
        try await database.writer.read { db in
            let rows = enterprise == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM alert_dead_letter ORDER BY id")
                : try Row.fetchAll(db, sql: "SELECT * FROM alert_dead_letter WHERE enterprise = ? ORDER BY id", arguments: [enterprise])
            return rows.map { row in
                DeadLetter(id: row["id"], enterprise: row["enterprise"], subscription: row["subscription"], url: row["url"],
                           idempotencyKey: row["idempotency_key"], attempts: row["attempts"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                           failedAt: Date(timeIntervalSince1970: row["failed_at"]), reason: row["reason"],
                           payload: String(decoding: row["payload"] as Data, as: UTF8.self))
            }
        }
    }

    public func retryDeadLetter(id: Int64, enterprise: String?, at instant: Date) async throws -> Bool {
        try await database.writer.write { db in
            let owner = try String.fetchOne(db, sql: "SELECT enterprise FROM alert_dead_letter WHERE id = ?", arguments: [id])
            guard let owner, enterprise == nil || enterprise == owner else { return false }
            try db.execute(sql: """
                INSERT INTO alert_outbox (enterprise, subscription, url, secret, payload, idempotency_key, attempts, created_at, next_attempt_at, last_error)
                SELECT enterprise, subscription, url, secret, payload, idempotency_key, 0, created_at, ?, reason FROM alert_dead_letter WHERE id = ?
                ON CONFLICT (idempotency_key) DO NOTHING
                """, arguments: [instant.timeIntervalSince1970, id])
            try db.execute(sql: "DELETE FROM alert_dead_letter WHERE id = ?", arguments: [id])
            return true
        }
    }

    // MARK: Silences

    public func addSilence(_ silence: Silence) async throws {
        let matchers = try Self.json(silence.matchers)
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO alert_silence (id, enterprise, matchers, starts_at, ends_at, created_by, comment) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [silence.id, silence.enterprise, matchers, silence.startsAt.timeIntervalSince1970, silence.endsAt.timeIntervalSince1970,
                                 silence.createdBy, silence.comment])
        }
    }

    public func silences(enterprise: String?) async throws -> [Silence] {
        try await database.writer.read { db in
            let rows = enterprise == nil
                ? try Row.fetchAll(db, sql: "SELECT * FROM alert_silence ORDER BY starts_at, id")
                : try Row.fetchAll(db, sql: "SELECT * FROM alert_silence WHERE enterprise = ? OR enterprise IS NULL ORDER BY starts_at, id", arguments: [enterprise])
            return try rows.map { row in
                try Silence(id: row["id"], enterprise: row["enterprise"], matchers: Self.decode([LabelMatcher].self, row["matchers"]),
                            startsAt: Date(timeIntervalSince1970: row["starts_at"]), endsAt: Date(timeIntervalSince1970: row["ends_at"]),
                            createdBy: row["created_by"], comment: row["comment"])
            }
        }
    }

    public func expireSilence(id: String, enterprise: String?, at instant: Date) async throws -> Bool {
        guard let silence = try await silences(enterprise: enterprise).first(where: { $0.id == id }),
              enterprise == nil || silence.enterprise == enterprise else { return false }
        let ended = silence.expired(at: instant)
        return try await database.writer.write { db in
            try db.execute(sql: "UPDATE alert_silence SET ends_at = ? WHERE id = ?", arguments: [ended.endsAt.timeIntervalSince1970, id])
            return db.changesCount > 0
        }
    }

    // MARK: Feeds

    public func feedState(url: String) async throws -> FeedState? {
        try await database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM alert_feed_state WHERE url = ?", arguments: [url]).map {
                FeedState(url: $0["url"], etag: $0["etag"], lastModified: $0["last_modified"], fetchedAt: Date(timeIntervalSince1970: $0["fetched_at"]))
            }
        }
    }

    public func saveFeedState(_ state: FeedState) async throws {
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO alert_feed_state (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at
                """, arguments: [state.url, state.etag, state.lastModified, state.fetchedAt.timeIntervalSince1970])
        }
    }
}
