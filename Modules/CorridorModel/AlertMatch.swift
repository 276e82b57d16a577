/// An event that concerns an enterprise, the SKUs it touches and why.
public struct AlertMatch: Sendable, Codable, Equatable {
    /// One affected SKU and the reasons it matched.
    public struct AffectedSKU: Sendable, Codable, Equatable {
        /// The SKU id.
        public let sku: String
        /// Why: the HS code and market that matched.
        public let reasons: [String]

        /// Creates an affected SKU.
        public init(sku: String, reasons: [String]) {
            self.sku = sku
            self.reasons = reasons
        }
    }

    /// The enterprise.
    public let enterprise: String
    /// The subscription that matched.
    public let subscription: String
    /// The event's key, `source:sourceID`.
    public let eventID: String
    /// The event's title.
    public let title: String
    /// Its severity.
    public let severity: AlertSeverity
    /// The SKUs affected (empty for a keyword-only match).
    public let skus: [AffectedSKU]
    /// Why the subscription matched.
    public let reasons: [String]

    /// Creates a match.
    public init(enterprise: String, subscription: String, eventID: String, title: String, severity: AlertSeverity,
                skus: [AffectedSKU], reasons: [String]) {
        self.enterprise = enterprise
        self.subscription = subscription
        self.eventID = eventID
        self.title = title
        self.severity = severity
        self.skus = skus
        self.reasons = reasons
    }
}
