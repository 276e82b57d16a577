public import CorridorModel

/// The national lines under one predicted subheading, in the release in force on a date.
public struct NationalLines: Hashable, Sendable, Codable {
    /// One national line.
    public struct Line: Hashable, Sendable, Codable {
        /// The national code (US 10 digits, EU 8 digits, or an HS 2017 subheading).
        public let code: String
        /// The description with its ancestors.
        public let description: String
        /// The general (MFN) rate text, for US lines.
        public let generalRate: String?
    }

    /// The market.
    public let market: TariffMarket
    /// The release read, e.g. `us-hts-2026r4`.
    public let release: String
    /// The HS 2022 subheading.
    public let hs6: String
    /// The lines, sorted by code.
    public let lines: [Line]

    /// Lists the lines under `hs6` for `market` in the release in force on `asOf`.
    public static func lookup(hs6: String, market: TariffMarket, asOf: CivilDate,
                              reference: any TariffReference) async throws -> NationalLines {
        let code = try HSCode(hs6)
        switch market {
        case .us, .eu:
            let release = try await reference.release(of: market == .us ? .usHTS : .euCN, asOf: asOf)
            let entries = try await reference.nationalLines(under: code, release: release.id)
            // The EU CN keeps an undivided subheading as an 8-digit line ending 00; the US lists 8 and 10
            // digits: the statistical (10-digit) lines are the ones declared, and an 8-digit line stands
            // for itself only where nothing is below it.
            let deepest = entries.filter { entry in !entries.contains { $0.code.digits.count > entry.code.digits.count && $0.code.isWithin(entry.code) } }
            let lines = deepest.map { Line(code: $0.code.digits, description: $0.fullDescription,
                                           generalRate: market == .us ? $0.rates?.general : nil) }
            return NationalLines(market: market, release: release.id, hs6: hs6, lines: lines)
        case .hs2017:
            let correlation = try await reference.correlate(code, from: .hs2022, to: .hs2017)
            let lines = correlation.targets.map {
                Line(code: $0.code.digits, description: ($0.description ?? "") + ($0.partial ? " (part)" : ""), generalRate: nil)
            }
            return NationalLines(market: market, release: "hs2017", hs6: hs6, lines: lines)
        }
    }
}
