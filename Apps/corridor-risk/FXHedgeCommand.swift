import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk fx hedge`
struct FXHedgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedge",
        abstract: "Value an exporter's receivables, measure their joint FX VaR and plan forward hedges under a VaR limit.",
        discussion: """
            EXPOSURE.json: {"as_of":"2025-12-31","reporting_currency":"CNY","level":0.99,"var_limit":"150000",
              "interest_rates":{"CNY":"0.015","USD":"0.043"},"receivables":[{"currency":"USD","amount":"250000.00","due":"2026-03-31"}]}
            """
    )

    @OptionGroup var data: DataOptions
    @Option(help: "The exposure file (JSON).") var file: String
    @Option(help: "table | json.") var format: OutputFormat = .table

    func run() async throws {
        let request = try readJSON(HedgeRequest.self, from: file)
        let rates = try data.rates()
        let report = try finance { () throws(FinanceError) in try request.run(rates) }
        switch format {
        case .json: try printJSON(report)
        case .table:
            let e = report.exposure, p = report.plan
            print("exposure at \(e.asOf) in \(e.reporting), \(e.scenarios) joint daily scenarios \(e.historyFrom) → \(e.historyTo)")
            for position in e.positions {
                print("  \(position.receivable.currency) \(position.receivable.amount) due \(position.receivable.due): value \(amount(position.value)), VaR \(amount(position.valueAtRisk))")
            }
            print("VaR \(e.level): \(amount(e.valueAtRisk)) (undiversified \(amount(e.undiversifiedValueAtRisk)))")
            print("limit \(amount(p.limit)): hedge ratio \(String(format: "%.4f", p.hedgeRatio)), residual VaR \(amount(p.residualValueAtRisk))")
            for f in p.forwards {
                print("  sell \(f.currency) \(amount(f.notional)) in \(f.days) days at \(f.forward) (spot \(f.spot)): cost \(amount(f.cost)) \(e.reporting)")
            }
            print("total hedging cost \(amount(p.totalCost)) \(e.reporting)")
        }
    }
}
