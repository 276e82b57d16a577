public import Foundation

/// Durable state of the alerts pipeline: events, portfolios and subscriptions, alerts, the
/// notification log, the delivery outbox, dead letters, silences and feed validators. The seam
/// between CorridorAlerts, which decides, and CorridorStore, which keeps it on SQLite.
///
/// Every method that changes more than one record does so in one transaction.
public protocol AlertStore: Sendable {
    // MARK: Events

    /// Stores events by `source:sourceID`. A record seen before with the same content is
    /// `unchanged`; with other content (a correction) it replaces the stored one and is `updated`.
    func recordEvents(_ events: [PolicyEvent], receivedAt: Date) async throws -> [EventRecordOutcome]

    /// Stores events as ``recordEvents(_:receivedAt:)`` does and, in the same transaction, the
    /// alerts of each event that was new or changed (`alerts[i]` belongs to `events[i]`); an alert
    /// already stored for the same subscription and event is left as it is. Returns the outcomes
    /// and the alerts that were new, with their ids.
    func recordEvents(_ events: [PolicyEvent], receivedAt: Date, alerts: [[AlertRecord]]) async throws -> (outcomes: [EventRecordOutcome], alerts: [AlertRecord])

    /// The stored event with this key, if any.
    func event(key: String) async throws -> PolicyEvent?

    // MARK: Portfolios and subscriptions

    /// Every enterprise's SKUs and subscriptions.
    func portfolios() async throws -> [Portfolio]

    /// One enterprise's SKUs and subscriptions (empty lists when it has none).
    func portfolio(of enterprise: String) async throws -> Portfolio

    /// Replaces an enterprise's SKUs.
    func replaceSKUs(_ skus: [Portfolio.SKU], of enterprise: String) async throws

    /// Creates or replaces a subscription. A `webhookSecret` of `nil` keeps the stored secret.
    func saveSubscription(_ subscription: Subscription, of enterprise: String, webhookSecret: String?) async throws

    /// In one transaction, replaces an enterprise's SKUs and creates or replaces the portfolio's
    /// subscriptions, with the secrets given by subscription id (others keep their stored secret).
    func importPortfolio(_ portfolio: Portfolio, webhookSecrets: [String: String]) async throws

    /// Deletes a subscription; `false` when the enterprise has none with that id.
    func deleteSubscription(id: String, of enterprise: String) async throws -> Bool

    // MARK: Alerts

    /// The alerts still active at `instant` (their `endsAt` is later) whose subscription has a
    /// webhook: the only ones the pipeline can notify. (The others are listed by ``alerts(_:)``.)
    func deliverableAlerts(at instant: Date) async throws -> [AlertRecord]

    /// A page of alerts, newest first.
    func alerts(_ query: AlertQuery) async throws -> [AlertRecord]

    // MARK: Notification log and outbox

    /// The whole notification log.
    func notificationLog() async throws -> [NotificationLogEntry]

    /// Enqueues deliveries and writes their log entries in one transaction. Each delivery's URL and
    /// secret are taken from its subscription; a delivery whose subscription has no webhook any more
    /// is dropped. Each entry's `sequence` must follow the stored one (compare and set): if another
    /// delivery loop has logged the key meanwhile, nothing is written and the result is `false`, so
    /// that the caller plans again from the new state.
    func enqueue(_ deliveries: [Delivery], log: [NotificationLogEntry]) async throws -> Bool

    /// Claims up to `limit` deliveries due at `instant`, leasing them until `leaseUntil` so that no
    /// other worker takes them meanwhile. A worker that dies leaves the lease to run out.
    func claimDeliveries(dueAt instant: Date, limit: Int, leaseUntil: Date) async throws -> [Delivery]

    /// The earliest next attempt of any pending delivery.
    func nextDeliveryTime() async throws -> Date?

    /// How many deliveries are pending.
    func pendingDeliveryCount() async throws -> Int

    /// Removes a delivered delivery from the outbox.
    func markDelivered(id: Int64, at instant: Date, attempts: Int) async throws

    /// Records a failed attempt and when to try again.
    func scheduleRetry(id: Int64, attempts: Int, at next: Date, error: String) async throws

    /// Moves a delivery to the dead letters.
    func deadLetter(id: Int64, attempts: Int, at instant: Date, reason: String) async throws

    /// Dead letters, of one enterprise or all. Each has its own id (not the outbox id).
    func deadLetters(enterprise: String?) async throws -> [DeadLetter]

    /// Puts a dead letter back in the outbox, due at `instant`, with its idempotency key; `false`
    /// when there is no such dead letter (for that enterprise).
    func retryDeadLetter(id: Int64, enterprise: String?, at instant: Date) async throws -> Bool

    // MARK: Silences

    /// Stores a silence.
    func addSilence(_ silence: Silence) async throws

    /// Silences, of one enterprise (its own and the zone-wide ones) or all.
    func silences(enterprise: String?) async throws -> [Silence]

    /// Ends a silence at `instant`; `false` when there is no such silence (for that enterprise).
    func expireSilence(id: String, enterprise: String?, at instant: Date) async throws -> Bool

    // MARK: Feeds

    /// The validators last seen for a feed URL.
    func feedState(url: String) async throws -> FeedState?

    /// Stores a feed URL's validators.
    func saveFeedState(_ state: FeedState) async throws
}
