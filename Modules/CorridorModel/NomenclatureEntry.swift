import Foundation

/// One line of a nomenclature release: an HS chapter, heading or subheading, or a national
/// tariff line with its units and rate texts.
public struct NomenclatureEntry: Hashable, Sendable, Codable {
    /// The release the line belongs to, e.g. `hs2022`.
    public let release: String
    /// The code.
    public let code: HSCode
    /// The line's own description, as published.
    public let description: String
    /// The description with every ancestor's text before it, for lines whose own text reads
    /// "Other" or "Males" out of context. Equal to `description` where the publisher's text stands alone.
    public let fullDescription: String
    /// The nearest coded ancestor, nil at the top. It is in the same release, except for national
    /// lines whose publisher gives no hierarchy (EU CN): their parent is the HS subheading.
    public let parent: HSCode?
    /// The HS section (Roman numeral), where the publisher gives it.
    public let section: String?
    /// Units of quantity as published (`["kg"]`, `["No."]`, EU supplementary unit `PST`).
    public let units: [String]
    /// Rate texts, for national lines that carry them.
    public let rates: TariffRates?

    /// Creates an entry. The description must not be empty, and a parent must be a shorter code
    /// that this one extends (`8517` for `851713`).
    public init(release: String, code: HSCode, description: String, fullDescription: String? = nil,
                parent: HSCode? = nil, section: String? = nil, units: [String] = [], rates: TariffRates? = nil) throws(ModelError) {
        guard !release.trimmingWhitespace().isEmpty else { throw .invalidField(name: "release", reason: "must not be empty") }
        guard !description.trimmingWhitespace().isEmpty else {
            throw .invalidField(name: "description", reason: "code \(code.dotted) has an empty description")
        }
        if let parent, !(code.isWithin(parent) && parent.length < code.length) {
            throw .invalidField(name: "parent", reason: "\(parent.dotted) is not above \(code.dotted) in the hierarchy")
        }
        self.release = release
        self.code = code
        self.description = description
        self.fullDescription = fullDescription ?? description
        self.parent = parent
        self.section = section
        self.units = units
        self.rates = rates
    }

    /// The code's level: 2, 4, 6, 8 or 10 digits.
    public var level: Int { code.length }

    private enum CodingKeys: String, CodingKey {
        case release, code, dotted, level, description, fullDescription, parent, section, units, rates
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(release: try c.decode(String.self, forKey: .release), code: try c.decode(HSCode.self, forKey: .code),
                  description: try c.decode(String.self, forKey: .description),
                  fullDescription: try c.decodeIfPresent(String.self, forKey: .fullDescription),
                  parent: try c.decodeIfPresent(HSCode.self, forKey: .parent), section: try c.decodeIfPresent(String.self, forKey: .section),
                  units: try c.decodeIfPresent([String].self, forKey: .units) ?? [], rates: try c.decodeIfPresent(TariffRates.self, forKey: .rates))
    }

    /// Encodes the stored fields plus `dotted` (`8517.13`) and `level`, for readers of the JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(release, forKey: .release)
        try c.encode(code, forKey: .code)
        try c.encode(code.dotted, forKey: .dotted)
        try c.encode(level, forKey: .level)
        try c.encode(description, forKey: .description)
        try c.encode(fullDescription, forKey: .fullDescription)
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encodeIfPresent(section, forKey: .section)
        try c.encode(units, forKey: .units)
        try c.encodeIfPresent(rates, forKey: .rates)
    }
}
