import Foundation

/// The answer to "what is this code?": the line, the release it was found in, and its neighbours.
public struct NomenclatureLookup: Hashable, Sendable, Encodable {
    /// The line.
    public let entry: NomenclatureEntry
    /// The release the line was read from.
    public let release: NomenclatureRelease
    /// The coded ancestors, chapter first.
    public let ancestors: [NomenclatureEntry]
    /// The lines directly beneath.
    public let children: [NomenclatureEntry]

    /// Creates a lookup result.
    public init(entry: NomenclatureEntry, release: NomenclatureRelease, ancestors: [NomenclatureEntry], children: [NomenclatureEntry]) {
        self.entry = entry
        self.release = release
        self.ancestors = ancestors
        self.children = children
    }

    /// The rates that apply to the line: its own, or — for a statistical line that prints none, such
    /// as a 10-digit US HTS suffix — those of its nearest ancestor that has them.
    public var applicableRates: (rates: TariffRates, from: HSCode)? {
        if let own = entry.rates { return (own, entry.code) }
        guard let ancestor = ancestors.last(where: { $0.rates != nil }), let rates = ancestor.rates else { return nil }
        return (rates, ancestor.code)
    }

    private enum CodingKeys: String, CodingKey {
        case code, dotted, level, description, fullDescription, parent, section, units, rates
        case applicableRates, applicableRatesFrom
        case release, releaseTitle, effectiveFrom, effectiveDateSource, ancestors, children
    }

    /// A flat object: the entry's fields at the top (`code`, `description`, ...), then the release and neighbours.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.code, forKey: .code)
        try c.encode(entry.code.dotted, forKey: .dotted)
        try c.encode(entry.level, forKey: .level)
        try c.encode(entry.description, forKey: .description)
        try c.encode(entry.fullDescription, forKey: .fullDescription)
        try c.encodeIfPresent(entry.parent, forKey: .parent)
        try c.encodeIfPresent(entry.section, forKey: .section)
        try c.encode(entry.units, forKey: .units)
        try c.encodeIfPresent(entry.rates, forKey: .rates)
        try c.encodeIfPresent(applicableRates?.rates, forKey: .applicableRates)
        try c.encodeIfPresent(applicableRates?.from, forKey: .applicableRatesFrom)
        try c.encode(release.id, forKey: .release)
        try c.encode(release.title, forKey: .releaseTitle)
        try c.encode(release.effectiveFrom, forKey: .effectiveFrom)
        try c.encode(release.effectiveDateSource, forKey: .effectiveDateSource)
        try c.encode(ancestors, forKey: .ancestors)
        try c.encode(children, forKey: .children)
    }
}

extension TariffReference {
    /// Looks a code up the way the CLI and the API do.
    ///
    /// - `version` may name a release (`hs2017`, `us-hts-2026r4`) or a family (`hs`, `us-hts`, `eu-cn`).
    /// - A family, or no version at all, is resolved to the release in force on `asOf`.
    /// - With no version, codes of up to 6 digits are looked up in the HS; longer ones in every
    ///   national tariff in force, and a code found in more than one is reported as ambiguous.
    /// - A named release that is not in force on an explicitly given `asOf` is refused, so that an
    ///   answer is never silently out of date.
    public func lookup(_ code: HSCode, version: String?, asOf: CivilDate, asOfGiven: Bool = true) async throws(ReferenceDataError) -> NomenclatureLookup {
        let held = try await releases()
        func inForce(_ family: NomenclatureFamily) throws(ReferenceDataError) -> NomenclatureRelease {
            guard let r = NomenclatureRelease.inForce(family, asOf: asOf, among: held) else {
                throw NomenclatureRelease.notInForce(family, asOf: asOf, among: held)
            }
            return r
        }
        let candidates: [NomenclatureRelease]
        if let version, let family = NomenclatureFamily(rawValue: version.lowercased()) {
            candidates = [try inForce(family)]
        } else if let version {
            guard let known = NomenclatureRelease.known(version) else { throw .unknownRelease(version) }
            guard held.contains(where: { $0.id == known.id }) else { throw .releaseNotImported(known.id) }
            if asOfGiven {
                let current = NomenclatureRelease.inForce(known.family, asOf: asOf, among: held)
                guard current?.id == known.id else {
                    throw .invalidQuery("\(known.id) is not in force on \(asOf)"
                                        + (current.map { "; \($0.id) is" } ?? "") + " — drop --as-of or --version")
                }
            }
            candidates = [known]
        } else if code.length <= 6 {
            candidates = [try inForce(.hs)]
        } else {
            candidates = NomenclatureFamily.allCases.filter { $0 != .hs }
                .compactMap { NomenclatureRelease.inForce($0, asOf: asOf, among: held) }
            guard !candidates.isEmpty else { throw .noNationalTariffInForce(asOf: asOf) }
        }
        var found: [NomenclatureLookup] = []
        for release in candidates {
            if let hit = try await neighbourhood(of: code, in: release) { found.append(hit) }
        }
        guard let first = found.first else {
            throw .codeNotFound(code: code.dotted, release: candidates.map(\.id).joined(separator: " or "))
        }
        guard found.count == 1 else { throw .ambiguousCode(code: code.dotted, releases: found.map(\.release.id)) }
        return first
    }
}
