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
    /// The nearest coded ancestor in the same release, nil at the top.
    public let parent: HSCode?
    /// The HS section (Roman numeral), where the publisher gives it.
    public let section: String?
    /// Units of quantity as published (`["kg"]`, `["No."]`, EU supplementary unit `PST`).
    public let units: [String]
    /// Rate texts, for national lines that carry them.
    public let rates: TariffRates?

    /// Creates an entry.
    public init(release: String, code: HSCode, description: String, fullDescription: String? = nil,
                parent: HSCode? = nil, section: String? = nil, units: [String] = [], rates: TariffRates? = nil) {
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
}
