import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk insurance premium`
struct InsurancePremiumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "premium",
        abstract: "Price short-term export credit insurance from expected loss and compare it with Sinosure's 0.2–0.8% band.",
        discussion: "Example: corridor-risk insurance premium --exposure 500000 --currency USD --pd 0.02 --lgd 0.6 --insured-share 0.9 --loading 0.35 --tenor-days 90"
    )

    @Option(help: "Exposure at default (the insured receivable).") var exposure: String
    @Option(help: "Its currency.") var currency: String
    @Option(help: "Annual probability of default of the buyer, e.g. 0.02.") var pd: String
    @Option(help: "Loss given default, e.g. 0.6.") var lgd: String
    @Option(help: "Share of a loss the policy pays, e.g. 0.9.") var insuredShare: String = "0.9"
    @Option(help: "Loading on the insurer's expected loss, e.g. 0.35.") var loading: String = "0.35"
    @Option(help: "Days of credit.") var tenorDays: Int = 90
    @Option(help: "table | json.") var format: OutputFormat = .table

    func run() async throws {
        let c = try code(currency, "--currency")
        let money: Money
        do {
            money = try Money(parsing: exposure, currency: c)
        } catch {
            throw ValidationError("--exposure: \(error.description)")
        }
        let pdValue = try decimal(pd, "--pd"), lgdValue = try decimal(lgd, "--lgd")
        let share = try decimal(insuredShare, "--insured-share"), load = try decimal(loading, "--loading")
        let quote = try finance { () throws(FinanceError) in
            try CreditInsuranceQuote.price(exposure: money, annualPD: pdValue, lgd: lgdValue, insuredShare: share, loading: load, tenorDays: tenorDays)
        }
        switch format {
        case .json: try printJSON(quote)
        case .table:
            print("exposure               \(quote.exposure)")
            print("PD over \(quote.tenorDays) days        \(quote.tenorPD)")
            print("expected loss          \(quote.expectedLoss)")
            print("  insured share        \(quote.insuredExpectedLoss)")
            print("  retained by exporter \(quote.retainedExpectedLoss)")
            print("premium                \(quote.premium) (\(quote.premiumRate * 100)% of exposure)")
            print("Sinosure band          \(quote.sinosureBand) 0.2–0.8%")
            print(quote.explanation)
        }
    }
}
