import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk fund simulate`
struct FundSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Monte Carlo of a risk-compensation fund behind a loan book (one-factor Vasicek defaults).",
        discussion: """
            The Jiangsu "Su Trade Loan" programme: 288 m yuan backing 34.57 bn yuan of loans to 4,677 firms:
              corridor-risk fund simulate --loans 4677 --principal 34570000000 --fund 288000000 --pd 0.01 --lgd 0.45 --rho 0.15 --coverage 0.5 --years 3
            """
    )

    @Option(help: "Borrowers in the book.") var loans: Int
    @Option(help: "Total principal.") var principal: String
    @Option(help: "The fund's size.") var fund: String
    @Option(help: "Yearly top-up paid into the fund.") var annualContribution: String = "0"
    @Option(help: "Annual PD per borrower.") var pd: Double
    @Option(help: "Loss given default.") var lgd: Double = 0.45
    @Option(help: "Asset correlation ρ.") var rho: Double = 0.15
    @Option(help: "Share of each loss the fund pays (0.5–0.8 in policy programmes).") var coverage: Double = 0.5
    @Option(help: "Years simulated.") var years: Int = 3
    @Option(help: "Paths.") var simulations: Int = 10_000
    @Option(help: "Seed.") var seed: UInt64 = 42
    @Option(help: "table | json.") var format: OutputFormat = .table

    func run() async throws {
        let book = try decimal(principal, "--principal"), size = try decimal(fund, "--fund"), topUp = try decimal(annualContribution, "--annual-contribution")
        let outcome = try finance { () throws(FinanceError) in
            let fund = try RiskCompensationFund(loans: loans, principal: book, fundSize: size, annualContribution: topUp, annualPD: pd, lgd: lgd,
                                                assetCorrelation: rho, coverage: coverage, horizonYears: years)
            return try fund.simulate(simulations: simulations, seed: seed)
        }
        switch format {
        case .json: try printJSON(outcome)
        case .table:
            print("leverage               \(String(format: "%.1f", outcome.leverage))× (principal per unit of fund)")
            print("P(fund depleted)       \(String(format: "%.4f", outcome.depletionProbability)) within \(years) year(s); by year: "
                  + outcome.depletionByYear.map { String(format: "%.4f", $0) }.joined(separator: ", "))
            print("expected loss          \(amount(outcome.expectedLoss)) (simulated mean \(amount(outcome.meanLoss)))")
            for key in ["p50", "p90", "p95", "p99", "p99.9"] {
                print("loss \(key.padding(toLength: 6, withPad: " ", startingAt: 0))            \(amount(outcome.lossPercentiles[key] ?? 0))   fund pays \(amount(outcome.fundPayoutPercentiles[key] ?? 0))")
            }
        }
    }
}
