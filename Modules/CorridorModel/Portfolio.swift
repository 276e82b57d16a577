import Foundation

/// An enterprise's products and markets, and its subscriptions.
public struct Portfolio: Sendable, Codable, Equatable {
    /// A product the enterprise sells.
    public struct SKU: Sendable, Codable, Equatable {
        /// The enterprise's SKU id.
        public let id: String
        /// Its HS 2022 subheading.
        public let hs6: String
        /// The markets it is sold in (ISO alpha-2).
        public let markets: [String]

        /// Creates a SKU.
        public init(id: String, hs6: String, markets: [String]) {
            self.id = id
            self.hs6 = hs6
            self.markets = markets
        }
    }

    /// The enterprise id.
    public let enterprise: String
    /// Its SKUs.
    public let skus: [SKU]
    /// Its subscriptions.
    public let subscriptions: [Subscription]

    /// Creates a portfolio.
    public init(enterprise: String, skus: [SKU], subscriptions: [Subscription]) {
        self.enterprise = enterprise
        self.skus = skus
        self.subscriptions = subscriptions
    }

    /// Checks every code, market, measure and severity, naming the first that is wrong.
    public func validate() throws(ModelError) {
        for sku in skus where !(sku.hs6.count == 6 && sku.hs6.allSatisfy(\.isNumber)) {
            throw .invalidField(name: "sku", reason: "\(enterprise): SKU \(sku.id) needs a 6-digit HS 2022 code, got '\(sku.hs6)'")
        }
        var ids = Set<String>()
        for sku in skus where !ids.insert(sku.id).inserted {
            throw .invalidField(name: "sku", reason: "\(enterprise): SKU id \(sku.id) appears twice")
        }
        ids = []
        for s in subscriptions where !ids.insert(s.id).inserted {
            throw .invalidField(name: "id", reason: "\(enterprise): subscription id \(s.id) appears twice")
        }
        for sku in skus {
            for market in sku.markets where !PolicyEvent.isJurisdiction(market) {
                throw .invalidField(name: "markets", reason: "\(enterprise): SKU \(sku.id): market '\(market)' is not an ISO 3166 alpha-2 code or EU")
            }
        }
        for s in subscriptions {
            for prefix in s.hs where !([2, 4, 6, 8, 10].contains(prefix.count) && prefix.allSatisfy(\.isNumber)) {
                throw .invalidField(name: "hs", reason: "\(enterprise)/\(s.id): HS prefix '\(prefix)' must be 2, 4, 6, 8 or 10 digits")
            }
            for market in s.markets where !PolicyEvent.isJurisdiction(market) {
                throw .invalidField(name: "markets", reason: "\(enterprise)/\(s.id): market '\(market)' is not an ISO 3166 alpha-2 code or EU")
            }
            for m in s.measures where MeasureType(rawValue: m) == nil {
                throw .invalidField(name: "measures", reason: "\(enterprise)/\(s.id): measure '\(m)' is not one of " + MeasureType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if let hook = s.webhook {
                guard let url = URL(string: hook), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw .invalidField(name: "webhook", reason: "\(enterprise)/\(s.id): webhook '\(hook)' is not an http(s) URL")
                }
            }
            guard !s.id.isEmpty, s.id.count <= 64, s.id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw .invalidField(name: "id", reason: "\(enterprise): subscription id '\(s.id)' must be 1–64 letters, digits, '-', '_' or '.'")
            }
            guard ["low", "medium", "high", "critical"].contains(s.minSeverity) else {
                throw .invalidField(name: "min_severity", reason: "\(enterprise)/\(s.id): min_severity '\(s.minSeverity)' is not low, medium, high or critical")
            }
        }
    }
}
