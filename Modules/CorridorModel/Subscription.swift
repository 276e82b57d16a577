/// What an enterprise wants to hear about: HS prefixes × markets × measure types, at or above a
/// severity, or any event whose text has one of the keywords.
public struct Subscription: Sendable, Codable, Equatable {
    /// The subscription's id.
    public let id: String
    /// HS prefixes (2 to 10 digits); empty: the enterprise's own SKUs decide.
    public let hs: [String]
    /// Markets (ISO alpha-2 or EU); empty: any market of a matched SKU.
    public let markets: [String]
    /// Measure types; empty: all.
    public let measures: [String]
    /// The lowest severity that alerts.
    public let minSeverity: String
    /// Words that match an event's title or summary (case-insensitive).
    public let keywords: [String]
    /// The HTTPS (or, for local receivers, HTTP) URL its notifications are posted to; `nil`: alerts are
    /// recorded and listed, never pushed. The signing secret is kept by the store, never here.
    public let webhook: String?

    enum CodingKeys: String, CodingKey { case id, hs, markets, measures, minSeverity = "min_severity", keywords, webhook }

    /// Creates a subscription.
    public init(id: String, hs: [String] = [], markets: [String] = [], measures: [String] = [], minSeverity: String = "low", keywords: [String] = [],
                webhook: String? = nil) {
        self.id = id
        self.hs = hs
        self.markets = markets
        self.measures = measures
        self.minSeverity = minSeverity
        self.keywords = keywords
        self.webhook = webhook
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), hs: try c.decodeIfPresent([String].self, forKey: .hs) ?? [],
                  markets: try c.decodeIfPresent([String].self, forKey: .markets) ?? [],
                  measures: try c.decodeIfPresent([String].self, forKey: .measures) ?? [],
                  minSeverity: try c.decodeIfPresent(String.self, forKey: .minSeverity) ?? "low",
                  keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
                  webhook: try c.decodeIfPresent(String.self, forKey: .webhook))
    }
}
