import Foundation

/// One release of a nomenclature, e.g. `hs2022`, `us-hts-2026r4` or `eu-cn-2026`.
///
/// A release is in force from `effectiveFrom` until the next release of the same family starts;
/// the end is derived from the releases actually held, never stored twice.
public struct NomenclatureRelease: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable identifier used on the command line and in the API.
    public let id: String
    /// The family the release belongs to.
    public let family: NomenclatureFamily
    /// A human-readable title.
    public let title: String
    /// The first day in force.
    public let effectiveFrom: CivilDate
    /// The HS edition the release is built on.
    public let hsBasis: HSVersion
    /// Where the effective date comes from (a regulation, a notice, or how it was inferred).
    public let effectiveDateSource: String
    /// The file that carries this release, relative to a data directory laid out like `../shared/data`.
    public let relativePath: String
    /// The day a successor is known to take over whether or not Corridor holds it — the next HS
    /// edition, the next annual CN or HTS edition — or nil when no successor is scheduled. After
    /// it, the release answers no as-of query: a stale answer is worse than none.
    public let supersededOn: CivilDate?

    /// Creates a release description.
    public init(id: String, family: NomenclatureFamily, title: String, effectiveFrom: CivilDate,
                hsBasis: HSVersion, effectiveDateSource: String, relativePath: String, supersededOn: CivilDate? = nil) {
        self.id = id
        self.family = family
        self.title = title
        self.effectiveFrom = effectiveFrom
        self.hsBasis = hsBasis
        self.effectiveDateSource = effectiveDateSource
        self.relativePath = relativePath
        self.supersededOn = supersededOn
    }

    /// The revision number within an edition (`us-hts-2026r4` → 4), 0 when the identifier has none.
    public var revision: Int {
        guard let r = id.lastIndex(of: "r"), let n = Int(id[id.index(after: r)...]) else { return 0 }
        return n
    }

    /// The HS edition when this is an HS release, otherwise nil.
    public var hsVersion: HSVersion? { family == .hs ? hsBasis : nil }

    public var description: String { id }

    /// The releases Corridor knows how to import, with their effective dates and sources.
    public static let catalogue: [NomenclatureRelease] = [
        NomenclatureRelease(
            id: "hs2017", family: .hs, title: "Harmonized System 2017", effectiveFrom: HSVersion.hs2017.entryIntoForce,
            hsBasis: .hs2017, effectiveDateSource: "WCO: HS 2017 amendments in force 1 January 2017",
            relativePath: "hs/hs2017.csv", supersededOn: HSVersion.hs2022.entryIntoForce),
        NomenclatureRelease(
            id: "hs2022", family: .hs, title: "Harmonized System 2022", effectiveFrom: HSVersion.hs2022.entryIntoForce,
            hsBasis: .hs2022, effectiveDateSource: "WCO: HS 2022 amendments in force 1 January 2022",
            relativePath: "hs/hs2022.csv", supersededOn: HSVersion.hs2028.entryIntoForce),
        NomenclatureRelease(
            id: "us-hts-2025r13", family: .usHTS, title: "US HTS 2025 Revision 13", effectiveFrom: CivilDate(unchecked: 2025, 1, 1),
            hsBasis: .hs2022,
            effectiveDateSource: "USITC HTS 2025 edition (basic edition effective 1 January 2025); Revision 13 is the only 2025 revision held, so it stands for the whole 2025 edition — its own posting date is not recorded",
            relativePath: "tariffs/us_hts_2025_rev13.csv", supersededOn: CivilDate(unchecked: 2026, 1, 1)),
        NomenclatureRelease(
            id: "us-hts-2026r4", family: .usHTS, title: "US HTS 2026 Revision 4", effectiveFrom: CivilDate(unchecked: 2026, 1, 1),
            hsBasis: .hs2022,
            effectiveDateSource: "USITC HTS 2026 edition (basic edition effective 1 January 2026); Revision 4 is the only 2026 revision held, so it stands for the whole 2026 edition — its own posting date is not recorded",
            relativePath: "tariffs/us_hts_2026_rev4.csv", supersededOn: CivilDate(unchecked: 2027, 1, 1)),
        NomenclatureRelease(
            id: "eu-cn-2025", family: .euCN, title: "EU Combined Nomenclature 2025", effectiveFrom: CivilDate(unchecked: 2025, 1, 1),
            hsBasis: .hs2022,
            effectiveDateSource: "Council Regulation (EEC) No 2658/87 Art. 12: the CN annex is replaced each year from 1 January (CN 2025: Commission Implementing Regulation (EU) 2024/2522)",
            relativePath: "tariffs/eu_cn_2025.json", supersededOn: CivilDate(unchecked: 2026, 1, 1)),
        NomenclatureRelease(
            id: "eu-cn-2026", family: .euCN, title: "EU Combined Nomenclature 2026", effectiveFrom: CivilDate(unchecked: 2026, 1, 1),
            hsBasis: .hs2022,
            effectiveDateSource: "Council Regulation (EEC) No 2658/87 Art. 12: the CN annex is replaced each year from 1 January (CN 2026)",
            relativePath: "tariffs/eu_cn_2026.json", supersededOn: CivilDate(unchecked: 2027, 1, 1)),
    ]

    /// The release of `family` in force on `asOf` among `releases`: the latest to have started
    /// (by effective date, then revision number), unless its known successor has already taken
    /// over; nil when none is in force.
    public static func inForce(_ family: NomenclatureFamily, asOf: CivilDate, among releases: [NomenclatureRelease]) -> NomenclatureRelease? {
        guard let latest = latestStarted(family, asOf: asOf, among: releases) else { return nil }
        if let end = latest.supersededOn, asOf >= end { return nil }
        return latest
    }

    /// Why no release of `family` is in force on `asOf`: none has started, or the latest held has been superseded.
    public static func notInForce(_ family: NomenclatureFamily, asOf: CivilDate, among releases: [NomenclatureRelease]) -> ReferenceDataError {
        if let latest = latestStarted(family, asOf: asOf, among: releases), let end = latest.supersededOn, asOf >= end {
            return .superseded(release: latest.id, on: end, asOf: asOf)
        }
        return .noReleaseInForce(family: family, asOf: asOf)
    }

    private static func latestStarted(_ family: NomenclatureFamily, asOf: CivilDate, among releases: [NomenclatureRelease]) -> NomenclatureRelease? {
        releases.filter { $0.family == family && $0.effectiveFrom <= asOf }
            .max { ($0.effectiveFrom, $0.revision, $0.id) < ($1.effectiveFrom, $1.revision, $1.id) }
    }

    /// The catalogue entry with this identifier (case-insensitive; `us-hts-2026-rev4` and `us-hts-2026r4` both work).
    public static func known(_ id: String) -> NomenclatureRelease? {
        let key = id.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: "-rev", with: "r")
        return catalogue.first { $0.id == key }
    }
}
