import Foundation

/// A policy or regulatory change that can affect exporters: a tariff change, an SPS/TBT
/// notification, a trade remedy, a data-transfer rule, a change in a rule pack.
///
/// Jurisdictions are ISO 3166 alpha-2 codes, or `EU` for the Union as a whole. An event needs a
/// source, a source id, a title and at least one date; anything else may be empty.
public struct PolicyEvent: Hashable, Sendable, Codable {
    /// Where the record comes from: `federal-register`, `eurlex`, `wto`, `gta`, `csv`, `rule-pack`.
    public let source: String
    /// The record's id at its source (document number, CELEX, notification symbol, intervention id).
    public let sourceID: String
    /// The jurisdictions that implement the measure.
    public let implementing: [String]
    /// The jurisdictions whose trade it affects (empty: every trading partner).
    public let affected: [String]
    /// The kind of measure.
    public let measure: MeasureType
    /// The products named, in their own HS edition.
    public let products: [ProductReference]
    /// When it was announced.
    public let announced: CivilDate?
    /// When it was published.
    public let published: CivilDate?
    /// When it takes effect.
    public let effective: CivilDate?
    /// The deadline for comments, for proposals.
    public let commentDeadline: CivilDate?
    /// How much it matters.
    public let severity: AlertSeverity
    /// The record's title.
    public let title: String
    /// A summary.
    public let summary: String
    /// Links to the record.
    public let links: [String]
    /// The record as received, for audit.
    public let raw: String
    /// Proposed or adopted.
    public let stage: PolicyStage
    /// The measure this record is one stage of, shared by its proposal and its adoption: a Federal
    /// Register docket or RIN, a WTO notification's base symbol, a GTA state act. `nil`: the record
    /// stands alone.
    public let measureKey: String?

    /// The event's key, `source:sourceID`, unique across sources.
    public var key: String { "\(source):\(sourceID)" }

    /// The measure key, or the event's own key when it has none (for grouping and inhibition).
    public var measureLabel: String { measureKey ?? key }

    /// Creates an event and checks it. Without a `stage`, a record with a comment deadline and no
    /// effective date is a proposal; any other is final.
    public init(source: String, sourceID: String, implementing: [String], affected: [String] = [], measure: MeasureType,
                products: [ProductReference] = [], announced: CivilDate? = nil, published: CivilDate? = nil, effective: CivilDate? = nil,
                commentDeadline: CivilDate? = nil, severity: AlertSeverity, title: String, summary: String = "", links: [String] = [],
                raw: String = "", stage: PolicyStage? = nil, measureKey: String? = nil) throws(ModelError) {
        guard !source.isEmpty, !sourceID.isEmpty else { throw .invalidField(name: "source id", reason: "a source and a source id are required") }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidField(name: "title", reason: "the title of \(sourceID) is empty")
        }
        guard announced != nil || published != nil || effective != nil else {
            throw .invalidField(name: "dates", reason: "\(sourceID) has no date: an event needs an announcement, publication or effective date")
        }
        guard !implementing.isEmpty else { throw .invalidField(name: "implementing", reason: "\(sourceID) names no implementing jurisdiction") }
        for code in implementing + affected where !Self.isJurisdiction(code) {
            throw .invalidField(name: "jurisdiction", reason: "'\(code)' in \(sourceID) is not an ISO 3166 alpha-2 code or EU")
        }
        self.source = source
        self.sourceID = sourceID
        self.implementing = implementing
        self.affected = affected
        self.measure = measure
        self.products = products
        self.announced = announced
        self.published = published
        self.effective = effective
        self.commentDeadline = commentDeadline
        self.severity = severity
        self.title = title
        self.summary = summary
        self.links = links
        self.raw = raw
        self.stage = stage ?? (commentDeadline != nil && effective == nil ? .proposed : .final)
        self.measureKey = measureKey.flatMap { $0.isEmpty ? nil : $0 }
    }

    private enum CodingKeys: String, CodingKey {
        case source, sourceID, implementing, affected, measure, products, announced, published, effective, commentDeadline,
             severity, title, summary, links, raw, stage, measureKey
    }

    /// Decodes an event and checks it as ``init(source:sourceID:implementing:affected:measure:products:announced:published:effective:commentDeadline:severity:title:summary:links:raw:stage:measureKey:)`` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(source: c.decode(String.self, forKey: .source), sourceID: c.decode(String.self, forKey: .sourceID),
                          implementing: c.decode([String].self, forKey: .implementing),
                          affected: c.decodeIfPresent([String].self, forKey: .affected) ?? [],
                          measure: c.decode(MeasureType.self, forKey: .measure),
                          products: c.decodeIfPresent([ProductReference].self, forKey: .products) ?? [],
                          announced: c.decodeIfPresent(CivilDate.self, forKey: .announced),
                          published: c.decodeIfPresent(CivilDate.self, forKey: .published),
                          effective: c.decodeIfPresent(CivilDate.self, forKey: .effective),
                          commentDeadline: c.decodeIfPresent(CivilDate.self, forKey: .commentDeadline),
                          severity: c.decode(AlertSeverity.self, forKey: .severity), title: c.decode(String.self, forKey: .title),
                          summary: c.decodeIfPresent(String.self, forKey: .summary) ?? "",
                          links: c.decodeIfPresent([String].self, forKey: .links) ?? [],
                          raw: c.decodeIfPresent(String.self, forKey: .raw) ?? "",
                          stage: c.decodeIfPresent(PolicyStage.self, forKey: .stage),
                          measureKey: c.decodeIfPresent(String.self, forKey: .measureKey))
        } catch let error as ModelError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Whether a code names a jurisdiction: an ISO 3166 alpha-2 code or `EU`.
    public static func isJurisdiction(_ code: String) -> Bool {
        code == "EU" || (code.count == 2 && code == code.uppercased() && (try? CountryCode(code)) != nil)
    }

    /// The EU member states (for matching an `EU` measure to a market such as `DE`).
    public static let euMembers: Set<String> = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                                                "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
}
