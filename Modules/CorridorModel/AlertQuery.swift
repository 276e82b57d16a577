public import Foundation

/// A filter and page over an enterprise's alerts, newest first.
public struct AlertQuery: Sendable, Equatable {
    /// Only alerts of this enterprise (`nil`: every enterprise, for a zone administrator).
    public var enterprise: String?
    /// Only at or above this severity.
    public var minSeverity: AlertSeverity?
    /// Only this measure type.
    public var measure: MeasureType?
    /// Only this subscription.
    public var subscription: String?
    /// Only alerts recorded at or after this instant.
    public var since: Date?
    /// Only alerts with an id below this (the cursor of the previous page).
    public var before: Int64?
    /// At most this many (1…500).
    public var limit: Int

    /// Creates a query.
    public init(enterprise: String? = nil, minSeverity: AlertSeverity? = nil, measure: MeasureType? = nil, subscription: String? = nil,
                since: Date? = nil, before: Int64? = nil, limit: Int = 50) {
        self.enterprise = enterprise
        self.minSeverity = minSeverity
        self.measure = measure
        self.subscription = subscription
        self.since = since
        self.before = before
        self.limit = max(1, min(limit, 500))
    }
}
