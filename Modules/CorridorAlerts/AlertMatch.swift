public import CorridorModel

/// An event that concerns an enterprise, the SKUs it touches and why.
public struct AlertMatch: Sendable, Codable, Equatable {
    /// One affected SKU and the reasons it matched.
    public struct AffectedSKU: Sendable, Codable, Equatable {
        /// The SKU id.
        public let sku: String
        /// Why: the HS code and market that matched.
        public let reasons: [String]
    }

    /// The enterprise.
    public let enterprise: String
    /// The subscription that matched.
    public let subscription: String
    /// The event's source and id.
    public let eventID: String
    /// The event's title.
    public let title: String
    /// Its severity.
    public let severity: AlertSeverity
    /// The SKUs affected (empty for a keyword-only match).
    public let skus: [AffectedSKU]
    /// Why the subscription matched.
    public let reasons: [String]
}
