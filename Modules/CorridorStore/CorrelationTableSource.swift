import CorridorModel

/// A UN Statistics Division HS correlation table, as converted to CSV in `hs/correlation_*.csv`.
struct CorrelationTableSource: Sendable {
    /// The edition codes are mapped from.
    let from: HSVersion
    /// The edition codes are mapped to.
    let to: HSVersion
    /// The file, relative to the data directory.
    let relativePath: String

    /// The dataset identifier recorded with the import, e.g. `correlation-hs2022-hs2017`.
    var dataset: String { "correlation-\(from.rawValue)-\(to.rawValue)" }

    /// The tables Corridor imports. Source: UNSD correlation tables HS2022–HS2017, HS2017–HS2012, HS2022–HS2012.
    static let catalogue: [CorrelationTableSource] = [
        CorrelationTableSource(from: .hs2022, to: .hs2017, relativePath: "hs/correlation_hs2022_hs2017.csv"),
        CorrelationTableSource(from: .hs2017, to: .hs2012, relativePath: "hs/correlation_hs2017_hs2012.csv"),
        CorrelationTableSource(from: .hs2022, to: .hs2012, relativePath: "hs/correlation_hs2022_hs2012.csv"),
    ]
}
