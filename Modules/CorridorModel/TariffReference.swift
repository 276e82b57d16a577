import Foundation

/// Read access to nomenclatures, correlation tables and national tariffs.
///
/// This is the seam between engines and persistence: engines take a `TariffReference` and never
/// import CorridorStore. `CorridorStore.ReferenceStore` implements it on SQLite.
public protocol TariffReference: Sendable {
    /// The releases held, oldest first within each family.
    func releases() async throws(ReferenceDataError) -> [NomenclatureRelease]

    /// The release of `family` in force on `asOf` (see `NomenclatureRelease.inForce`).
    func release(of family: NomenclatureFamily, asOf: CivilDate) async throws(ReferenceDataError) -> NomenclatureRelease

    /// The line with exactly this code in `release`, or nil.
    func entry(_ code: HSCode, release: String) async throws(ReferenceDataError) -> NomenclatureEntry?

    /// The line with `code` in `release` with its ancestors and children, read together; nil when absent.
    func neighbourhood(of code: HSCode, in release: NomenclatureRelease) async throws(ReferenceDataError) -> NomenclatureLookup?

    /// The lines directly beneath `code` in `release`, sorted by code.
    func children(of code: HSCode, release: String) async throws(ReferenceDataError) -> [NomenclatureEntry]

    /// The coded ancestors of `code` in `release`, from the top (chapter) down, excluding the code
    /// itself. Where a national release does not print the HS levels (EU CN), the chain continues in
    /// the HS release it is built on.
    func ancestors(of code: HSCode, release: String) async throws(ReferenceDataError) -> [NomenclatureEntry]

    /// Full-text search over descriptions, best match first; `release` nil searches every release held.
    func search(_ text: String, release: String?, limit: Int) async throws(ReferenceDataError) -> [SearchHit]

    /// Where `code` of edition `from` goes in edition `to`, reading the opposite table backwards when
    /// no table in this direction exists.
    func correlate(_ code: HSCode, from: HSVersion, to: HSVersion) async throws(ReferenceDataError) -> Correlation

    /// Every line of `release`, sorted by code (for corpus builders and exports; about 30,000 lines for the US HTS).
    func entries(release: String) async throws(ReferenceDataError) -> [NomenclatureEntry]

    /// The national tariff lines under an HS subheading (6 digits) in a national `release`.
    func nationalLines(under subheading: HSCode, release: String) async throws(ReferenceDataError) -> [NomenclatureEntry]

    /// What was added, removed, re-described or re-rated between two releases of one national tariff.
    func diff(from: String, to: String) async throws(ReferenceDataError) -> TariffDiff
}

extension TariffReference {
    /// The line with `code` in the release of `family` in force on `asOf`.
    public func entry(_ code: HSCode, family: NomenclatureFamily, asOf: CivilDate) async throws(ReferenceDataError) -> NomenclatureEntry {
        let release = try await release(of: family, asOf: asOf)
        guard let entry = try await entry(code, release: release.id) else {
            throw .codeNotFound(code: code.dotted, release: release.id)
        }
        return entry
    }
}
