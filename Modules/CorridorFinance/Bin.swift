/// One bin of a binned feature: its range or categories, its counts, weight of evidence and IV.
///
/// WoE = ln(share of non-events / share of events), as optbinning defines it: negative where
/// events concentrate.
public struct Bin: Sendable, Codable, Equatable {
    /// A readable label: `[11.43, 12.33)`, `{A11, A12}` or `missing`.
    public let label: String
    /// The inclusive lower bound of a numeric bin (`nil` for −∞ or a categorical bin).
    public let lower: Double?
    /// The exclusive upper bound of a numeric bin (`nil` for +∞ or a categorical bin).
    public let upper: Double?
    /// The categories of a categorical bin.
    public let categories: [String]?
    /// Rows in the bin.
    public let count: Int
    /// Events in the bin.
    public let events: Int
    /// Non-events in the bin.
    public let nonEvents: Int
    /// The weight of evidence.
    public let woe: Double
    /// The bin's contribution to the information value.
    public let iv: Double

    /// The event rate.
    public var eventRate: Double { count == 0 ? 0 : Double(events) / Double(count) }

    /// Creates a bin and computes its WoE and IV from the totals. A bin without events or without
    /// non-events (only possible for the missing bin) uses counts smoothed by 0.5; an empty bin has WoE 0.
    init(label: String, lower: Double?, upper: Double?, categories: [String]?, events: Int, nonEvents: Int, totalEvents: Int, totalNonEvents: Int) {
        self.label = label
        self.lower = lower
        self.upper = upper
        self.categories = categories
        count = events + nonEvents
        self.events = events
        self.nonEvents = nonEvents
        if count == 0 {
            woe = 0
            iv = 0
        } else {
            let smooth = events == 0 || nonEvents == 0 ? 0.5 : 0
            let pNonEvent = (Double(nonEvents) + smooth) / Double(totalNonEvents)
            let pEvent = (Double(events) + smooth) / Double(totalEvents)
            woe = _log(pNonEvent / pEvent)
            iv = (pNonEvent - pEvent) * woe
        }
    }

    enum CodingKeys: String, CodingKey {
        case label, lower, upper, categories, count, events, nonEvents = "non_events", eventRate = "event_rate", woe, iv
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        lower = try c.decodeIfPresent(Double.self, forKey: .lower)
        upper = try c.decodeIfPresent(Double.self, forKey: .upper)
        categories = try c.decodeIfPresent([String].self, forKey: .categories)
        events = try c.decode(Int.self, forKey: .events)
        nonEvents = try c.decode(Int.self, forKey: .nonEvents)
        count = events + nonEvents
        woe = try c.decode(Double.self, forKey: .woe)
        iv = try c.decode(Double.self, forKey: .iv)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(lower, forKey: .lower)
        try c.encodeIfPresent(upper, forKey: .upper)
        try c.encodeIfPresent(categories, forKey: .categories)
        try c.encode(count, forKey: .count)
        try c.encode(events, forKey: .events)
        try c.encode(nonEvents, forKey: .nonEvents)
        try c.encode(eventRate, forKey: .eventRate)
        try c.encode(woe, forKey: .woe)
        try c.encode(iv, forKey: .iv)
    }
}
