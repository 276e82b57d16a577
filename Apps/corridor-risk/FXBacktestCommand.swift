import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk fx backtest`
struct FXBacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling VaR backtest with Kupiec's proportion-of-failures test."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var pair: PairOptions
    @Option(help: "Confidence level.") var level: Double = 0.99
    @Option(help: "historical | parametric | ewma | garch.") var method: VaRMethod = .historical
    @Option(help: "Estimation window in returns.") var window: Int = 250
    @Option(help: "table | json.") var format: OutputFormat = .table
    @Option(help: "Draw returns, the rolling VaR and breaches to this SVG file.") var svg: String?

    func run() async throws {
        let (base, currency, from, to) = try pair.resolved()
        let rates = try data.rates()
        let series = try finance { () throws(FinanceError) in try rates.series(of: currency, in: base, from: from, to: to) }
        let r = series.returns()
        let test = try finance { () throws(FinanceError) in try KupiecBacktest.run(r, level: level, method: method, window: window) }
        if let svg {
            try writeSVG(SVGChart.returns(dates: Array(series.dates.dropFirst()), returns: r, valueAtRisk: test.forecasts,
                                          title: "\(currency)/\(base) rolling \(method.rawValue) VaR \(level), window \(window)"), to: svg)
        }
        switch format {
        case .json: try printJSON(test)
        case .table:
            print("days tested  \(test.days)")
            print("exceptions   \(test.exceptions) (expected \(String(format: "%.1f", test.expectedExceptions)))")
            print("Kupiec LR    \(String(format: "%.4f", test.likelihoodRatio)), p = \(String(format: "%.4f", test.pValue))")
            print("verdict      \(test.rejected() ? "rejected at 5%" : "not rejected at 5%")")
        }
    }
}
