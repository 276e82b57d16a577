/// A feature cut into bins, with its weight of evidence per bin and its information value.
public struct FeatureBinning: Sendable, Codable, Equatable {
    /// Numeric or categorical.
    public enum Kind: String, Sendable, Codable {
        /// Bins are intervals between ``splits``.
        case numeric
        /// Bins are groups of categories.
        case categorical
    }

    /// The feature's column name.
    public let feature: String
    /// Numeric or categorical.
    public let kind: Kind
    /// For a numeric feature, the cut points: bin i holds splits[i − 1] ≤ x < splits[i].
    public let splits: [Double]
    /// The bins of present values, in order.
    public let bins: [Bin]
    /// The bin of missing values (possibly empty).
    public let missing: Bin
    /// The event-rate trend across ``bins``: `ascending`, `descending` or `none`.
    public let trend: String

    /// The information value, Σ over bins (the missing bin included).
    public var informationValue: Double { bins.reduce(missing.iv) { $0 + $1.iv } }

    /// Creates a binning.
    public init(feature: String, kind: Kind, splits: [Double], bins: [Bin], missing: Bin, trend: String) {
        self.feature = feature
        self.kind = kind
        self.splits = splits
        self.bins = bins
        self.missing = missing
        self.trend = trend
    }

    /// The index of the bin a value falls in (`nil` for the missing bin or an unseen category).
    public func binIndex(for cell: String?) -> Int? {
        guard let cell else { return nil }
        switch kind {
        case .numeric:
            guard let x = Double(cell) else { return nil }
            return binIndex(for: x)
        case .categorical:
            return bins.firstIndex { $0.categories?.contains(cell) ?? false }
        }
    }

    /// The numeric bin of a value.
    public func binIndex(for x: Double) -> Int {
        var lo = 0, hi = splits.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < splits[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The WoE of a cell: its bin's, the missing bin's for a missing value, 0 for an unseen category.
    public func woe(for cell: String?) -> Double {
        guard let cell else { return missing.woe }
        if kind == .numeric, Double(cell) == nil { return missing.woe }
        guard let i = binIndex(for: cell) else { return 0 }
        return bins[i].woe
    }

    enum CodingKeys: String, CodingKey {
        case feature, kind, splits, bins, missing, trend, iv
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(feature: c.decode(String.self, forKey: .feature), kind: c.decode(Kind.self, forKey: .kind),
                      splits: c.decode([Double].self, forKey: .splits), bins: c.decode([Bin].self, forKey: .bins),
                      missing: c.decode(Bin.self, forKey: .missing), trend: c.decode(String.self, forKey: .trend))
    }

    /// Encodes the binning with its total IV as `iv`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(feature, forKey: .feature)
        try c.encode(kind, forKey: .kind)
        try c.encode(splits, forKey: .splits)
        try c.encode(bins, forKey: .bins)
        try c.encode(missing, forKey: .missing)
        try c.encode(trend, forKey: .trend)
        try c.encode(informationValue, forKey: .iv)
    }
}
