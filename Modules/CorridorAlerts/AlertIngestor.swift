public import CorridorModel
public import Foundation

/// Stores events and records the alerts they raise: the "matched" half of the pipeline. An event
/// stored before with the same content raises nothing again; a corrected one is matched again,
/// and only subscriptions it did not already alert get a new alert.
public struct AlertIngestor: Sendable {
    /// What one ingest did.
    public struct Outcome: Sendable, Codable, Equatable {
        /// Events new to the store.
        public var inserted = 0
        /// Events the source corrected.
        public var updated = 0
        /// Events already stored as they are (a page fetched twice).
        public var unchanged = 0
        /// Alerts recorded.
        public var alerts: [AlertMatch] = []
        /// How HS 2012 and HS 2017 products were brought to HS 2022, by event key.
        public var reconciliation: [String: [HSReconciler.Result]] = [:]
        /// What could not be done, by event: products in an older HS edition with no correlation tables to read.
        public var warnings: [String] = []

        /// An empty outcome.
        public init() {}
    }

    private let store: any AlertStore
    private let matcher: EventMatcher
    private let reconciler: HSReconciler?
    private let alertLifetime: TimeInterval

    /// Creates an ingestor matching against `matcher`'s portfolios; with a `reconciler`, older HS
    /// editions are correlated to HS 2022 first (without one, only HS 2022 products match).
    public init(store: any AlertStore, matcher: EventMatcher, reconciler: HSReconciler? = nil, alertLifetime: TimeInterval = 30 * 86_400) {
        self.store = store
        self.matcher = matcher
        self.reconciler = reconciler
        self.alertLifetime = alertLifetime
    }

    /// An ingestor matching against `portfolios` (default: those in `store`), reconciling older HS
    /// editions through `reference` when it holds reference data. Without it, such products are
    /// reported as warnings, never silently missed.
    public static func make(store: any AlertStore, reference: (any TariffReference)?, portfolios: [Portfolio]? = nil,
                            alertLifetime: TimeInterval = 30 * 86_400) async throws -> AlertIngestor {
        var reconciler: HSReconciler?
        if let reference, try await !reference.releases().isEmpty { reconciler = HSReconciler(reference: reference) }
        var matched = portfolios ?? []
        if portfolios == nil { matched = try await store.portfolios() }
        return AlertIngestor(store: store, matcher: EventMatcher(portfolios: matched), reconciler: reconciler, alertLifetime: alertLifetime)
    }

    /// Stores `events` received at `now` and records their alerts.
    public func ingest(_ events: [PolicyEvent], at now: Date) async throws -> Outcome {
        var outcome = Outcome()
        // The last of several records with one key in a page wins, as it would on a second fetch.
        var unique: [String: PolicyEvent] = [:]
        var order: [String] = []
        for e in events {
            if unique[e.key] == nil { order.append(e.key) }
            unique[e.key] = e
        }
        let batch = order.compactMap { unique[$0] }
        // Products in older HS editions are correlated first (needs the reference store).
        var codes: [[HSCode]?] = []
        for event in batch {
            if let reconciler, event.products.contains(where: { $0.version != .hs2022 }) {
                let notes = await reconciler.reconcile(event.products)
                outcome.reconciliation[event.key] = notes
                codes.append(notes.flatMap(\.codes))
            } else {
                if event.products.contains(where: { $0.version != .hs2022 }) {
                    let editions = Set(event.products.filter { $0.version != .hs2022 }.map(\.version.rawValue)).sorted().joined(separator: ", ")
                    outcome.warnings.append("\(event.key): its \(editions) products match no SKU: no correlation tables are loaded to bring them to HS 2022 (corridor-data import)")
                }
                codes.append(nil)
            }
        }
        // Matching is pure and runs on both cores; the store writes events and alerts in one transaction.
        let alerts = await Self.match(batch, codes: codes, matcher: matcher, now: now, lifetime: alertLifetime)
        let (results, stored) = try await store.recordEvents(batch, receivedAt: now, alerts: alerts)
        for result in results {
            switch result {
            case .inserted: outcome.inserted += 1
            case .updated: outcome.updated += 1
            case .unchanged: outcome.unchanged += 1
            }
        }
        // Notes and warnings only for what was stored anew.
        let unchanged = Set(zip(batch, results).filter { $0.1 == .unchanged }.map(\.0.key))
        outcome.reconciliation = outcome.reconciliation.filter { !unchanged.contains($0.key) }
        outcome.warnings = outcome.warnings.filter { w in !unchanged.contains(where: { w.hasPrefix($0 + ":") }) }
        outcome.alerts = stored.map(\.match)
        return outcome
    }

    private static func match(_ events: [PolicyEvent], codes: [[HSCode]?], matcher: EventMatcher, now: Date, lifetime: TimeInterval) async -> [[AlertRecord]] {
        func run(_ range: Range<Int>) -> [[AlertRecord]] {
            range.map { i in
                let ends = endsAt(events[i], now: now, lifetime: lifetime)
                return matcher.match(events[i], products: codes[i]).map { AlertRecord(match: $0, event: events[i], createdAt: now, endsAt: ends) }
            }
        }
        guard events.count > 16 else { return run(0..<events.count) }
        let middle = events.count / 2
        async let first = run(0..<middle)
        let second = run(middle..<events.count)
        return await first + second
    }

    /// An alert stays active for `lifetime`, or until the day after its comment deadline or
    /// effective date when that is later, so that reminders can still fire.
    static func endsAt(_ event: PolicyEvent, now: Date, lifetime: TimeInterval) -> Date {
        let dates = [event.commentDeadline, event.effective].compactMap { $0?.adding(days: 1).startOfDay() }
        return max(now.addingTimeInterval(lifetime), dates.max() ?? now)
    }
}
