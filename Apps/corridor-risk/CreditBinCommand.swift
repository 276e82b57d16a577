import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk credit bin`
struct CreditBinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bin",
        abstract: "Optimal binning of one feature against a binary target: splits, WoE per bin and IV.",
        discussion: """
            Numeric features: CART pre-binning (≤ 20 pre-bins, ≥ 5% each), then the monotone-WoE grouping with the largest IV
            (≤ 8 bins). Categorical features are ordered by event rate and grouped the same way. Missing values get their own bin.
            Example: corridor-risk credit bin --file breast_cancer.csv --target target --feature "mean radius" --format json
            """
    )

    @Option(help: "CSV file with a header row.") var file: String
    @Option(help: "The binary target column.") var target: String
    @Option(help: "The outcome counted as the event (default: 1, bad, true or yes).") var event: String?
    @Option(help: "The feature column.") var feature: String
    @Option(help: "numeric | categorical (default: numeric when every value is a number).") var kind: FeatureBinning.Kind?
    @Option(help: "Most bins.") var maxBins: Int = 8
    @Option(help: "Least share of rows per bin.") var minBinShare: Double = 0.05
    @Option(help: "table | json.") var format: OutputFormat = .table

    func run() async throws {
        let dataset = try finance { () throws(FinanceError) in try CreditDataset(contentsOf: URL(fileURLWithPath: file)) }
        let binner = OptimalBinning(minBinShare: minBinShare, maxBins: maxBins)
        let result = try finance { () throws(FinanceError) -> FeatureBinning in
            let y = try dataset.target(target, event: event)
            let numeric = kind == .categorical ? nil : try dataset.numericColumn(feature)
            if kind == .numeric, numeric == nil {
                throw .invalidParameter(name: "--kind numeric", reason: "'\(feature)' has values that are not numbers")
            }
            if let numeric { return try binner.fitNumeric(numeric, target: y.values, feature: feature) }
            return try binner.fitCategorical(dataset.column(feature), target: y.values, feature: feature)
        }
        switch format {
        case .json: try printJSON(result)
        case .table:
            print("\(result.feature) (\(result.kind.rawValue), \(result.trend)), IV \(String(format: "%.6f", result.informationValue))")
            print("bin".padding(toLength: 44, withPad: " ", startingAt: 0) + "  count  events  event rate      WoE       IV")
            for bin in result.bins + (result.missing.count > 0 ? [result.missing] : []) {
                print(String(bin.label.prefix(44)).padding(toLength: 44, withPad: " ", startingAt: 0)
                      + String(format: "  %5d  %6d  %10.4f  %7.4f  %7.4f", bin.count, bin.events, bin.eventRate, bin.woe, bin.iv))
            }
        }
    }
}

