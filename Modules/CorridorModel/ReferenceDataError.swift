import Foundation

/// A reference-data query could not be answered. Messages say what to do next.
public enum ReferenceDataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The release identifier is not one Corridor knows.
    case unknownRelease(String)
    /// The release is known but has not been imported into this database.
    case releaseNotImported(String)
    /// No release of the family is in force on the date.
    case noReleaseInForce(family: NomenclatureFamily, asOf: CivilDate)
    /// The latest release held was superseded on a known day and its successor is not imported.
    case superseded(release: String, on: CivilDate, asOf: CivilDate)
    /// Neither national tariff (US HTS, EU CN) is imported and in force on the date.
    case noNationalTariffInForce(asOf: CivilDate)
    /// The code does not exist in the release.
    case codeNotFound(code: String, release: String)
    /// The code is in more than one release in force, and the caller must choose.
    case ambiguousCode(code: String, releases: [String])
    /// Two releases of different families cannot be compared.
    case incomparableReleases(String, String)
    /// No correlation table connects the two HS editions.
    case noCorrelation(from: HSVersion, to: HSVersion)
    /// The query itself is unusable (empty search text, bad limit).
    case invalidQuery(String)
    /// The database failed; the underlying message is attached.
    case storage(String)

    public var description: String {
        switch self {
        case .unknownRelease(let id):
            return "unknown release '\(id)'; known releases: \(NomenclatureRelease.catalogue.map(\.id).joined(separator: ", ")) (or a family: \(NomenclatureFamily.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .releaseNotImported(let id):
            return "release '\(id)' has not been imported; run `corridor-data import --from DIR --database PATH` first"
        case .noReleaseInForce(let family, let asOf):
            return "no imported \(family) release is in force on \(asOf)"
        case .superseded(let release, let on, let asOf):
            return "\(release) was superseded on \(on), before \(asOf); import its successor to answer for that date"
        case .noNationalTariffInForce(let asOf):
            return "no national tariff (us-hts, eu-cn) is imported and in force on \(asOf); import one or pass a release with --version"
        case .codeNotFound(let code, let release):
            return "code \(code) does not exist in \(release)"
        case .ambiguousCode(let code, let releases):
            return "code \(code) exists in \(releases.joined(separator: " and ")); choose one with --version (or ?version=)"
        case .incomparableReleases(let a, let b):
            return "cannot compare \(a) with \(b): they belong to different nomenclatures"
        case .noCorrelation(let from, let to):
            return "no correlation table connects \(from.rawValue) and \(to.rawValue); import hs/correlation_*.csv"
        case .invalidQuery(let reason):
            return "invalid query: \(reason)"
        case .storage(let message):
            return "database error: \(message). Check that the database is a Corridor database, not in use by another migration, and readable; `corridor-data status` shows what it holds"
        }
    }
}
