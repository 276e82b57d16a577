import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk fx rate`
struct FXRateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "The rate of a pair on a date, or the last earlier publication day (cross rates through EUR or USD)."
    )

    @OptionGroup var data: DataOptions
    @Option(help: "Currency the value is expressed in.") var base: String
    @Option(help: "Currency one unit of which is valued.") var currency: String
    @Option(help: "Date, YYYY-MM-DD.") var on: String
    @Option(help: "table | json.") var format: OutputFormat = .table

    struct Output: Encodable {
        let base: CurrencyCode, currency: CurrencyCode, requested: CivilDate, date: CivilDate, rate: Double, source: String
    }

    func run() async throws {
        let b = try code(base, "--base"), c = try code(currency, "--currency"), d = try date(on, "--on")
        let rates = try data.rates()
        let source = try finance { () throws(FinanceError) in try rates.source(of: c, in: b) }
        let found = try finance { () throws(FinanceError) in try rates.rate(of: c, in: b, on: d) }
        let output = Output(base: b, currency: c, requested: d, date: found.date, rate: found.value, source: source.rawValue)
        switch format {
        case .json: try printJSON(output)
        case .table: print("1 \(c) = \(found.value) \(b) on \(found.date) (\(source.rawValue))")
        }
    }
}
