public import Foundation

/// A stored alert: one event matched to one subscription of one enterprise, with the SKUs it
/// touches and the reasons. The notification pipeline groups, mutes and sends these.
public struct AlertRecord: Sendable, Codable, Equatable {
    /// The store's id (0 until stored).
    public let id: Int64
    /// The match: enterprise, subscription, event key, SKUs and reasons.
    public let match: AlertMatch
    /// The event as stored (its latest version).
    public let event: PolicyEvent
    /// When the alert was recorded.
    public let createdAt: Date
    /// When it stops being active: it is no longer grouped, sent or reminded after this.
    public let endsAt: Date

    /// Creates a record.
    public init(id: Int64 = 0, match: AlertMatch, event: PolicyEvent, createdAt: Date, endsAt: Date) {
        self.id = id
        self.match = match
        self.event = event
        self.createdAt = createdAt
        self.endsAt = endsAt
    }
}
