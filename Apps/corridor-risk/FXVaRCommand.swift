import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk fx var`
struct FXVaRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "var",
        abstract: "Value at risk and expected shortfall of the daily change in the base-currency value of one unit of a currency.",
        discussion: """
            Historical VaR is the negated numpy.quantile(returns, 1 - level, method="lower"); ES is the negated mean of the
            returns at or below it. Only rates inside [--from, --to] are used: n rates give n - 1 returns.
            Example: corridor-risk fx var --base EUR --currency CNY --from 2016-01-01 --to 2025-12-31 --level 0.99 --format json
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var pair: PairOptions
    @Option(help: "Confidence level, e.g. 0.99.") var level: Double = 0.99
    @Option(help: "historical | parametric | ewma | garch.") var method: VaRMethod = .historical
    @Option(help: "GARCH errors: normal | t.") var dist: GARCHModel.Distribution = .normal
    @Option(help: "simple | log returns.") var returns: ReturnKind = .simple
    @Option(help: "EWMA decay.") var lambda: Double = 0.94
    @Option(help: "table | json.") var format: OutputFormat = .table
    @Option(help: "Draw the returns, the VaR line and breaches to this SVG file.") var svg: String?

    func run() async throws {
        let (base, currency, from, to) = try pair.resolved()
        let rates = try data.rates()
        let request = FXRiskRequest(base: base, currency: currency, from: from, to: to, level: level, method: method,
                                    distribution: dist, returns: returns, lambda: lambda)
        let report = try finance { () throws(FinanceError) in try request.run(rates) }
        if let svg {
            let series = try finance { () throws(FinanceError) in try rates.series(of: currency, in: base, from: from, to: to) }
            let chart = SVGChart.returns(dates: Array(series.dates.dropFirst()), returns: series.returns(returns), valueAtRisk: [report.valueAtRisk],
                                         title: "\(currency)/\(base) \(returns.rawValue) returns, \(method.rawValue) VaR \(level)")
            try writeSVG(chart, to: svg)
        }
        switch format {
        case .json: try printJSON(report)
        case .table:
            print("\(currency) valued in \(base), \(report.firstDate.map(String.init(describing:)) ?? "-") → \(report.lastDate.map(String.init(describing:)) ?? "-") (\(report.source.rawValue))")
            print("method       \(method.rawValue)\(method == .garch ? " (\(dist.rawValue))" : "")")
            print("level        \(level)")
            print("VaR          \(percent(report.valueAtRisk))")
            print("ES           \(percent(report.expectedShortfall))")
            print("returns      \(report.observations) from \(report.rates) rates, \(report.gaps.count) gap day(s) skipped")
            print("volatility   \(percent(report.volatility)) per period")
        }
    }
}

