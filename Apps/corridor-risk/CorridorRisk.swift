import ArgumentParser

/// `corridor-risk`: FX risk, credit scorecards, credit insurance and risk-compensation funds.
@main
struct CorridorRisk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-risk",
        abstract: "Finance risk for exporters: FX VaR/ES/GARCH and hedging, SME credit scorecards, credit insurance, risk-compensation funds.",
        discussion: """
            FX rates come from a directory laid out like ../shared/data (finance/ecb_eurofxref_hist.csv and
            finance/fed_h10_monthly.csv): --data, else $CORRIDOR_DATA, else ../shared/data. Conventions are in Docs/FINANCE.md.
            """,
        subcommands: [FXCommand.self, CreditCommand.self, InsuranceCommand.self, FundCommand.self]
    )
}

/// `corridor-risk fx …`
struct FXCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fx",
        abstract: "Exchange-rate risk: VaR and ES, GARCH(1,1), Kupiec backtests, rates and forward hedges.",
        subcommands: [FXVaRCommand.self, FXGarchCommand.self, FXBacktestCommand.self, FXRateCommand.self, FXHedgeCommand.self]
    )
}

/// `corridor-risk credit …`
struct CreditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit",
        abstract: "Credit scoring without collateral: optimal binning, WoE logistic scorecards, scoring.",
        subcommands: [CreditBinCommand.self, CreditTrainCommand.self, CreditScoreCommand.self]
    )
}

/// `corridor-risk insurance …`
struct InsuranceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insurance",
        abstract: "Export credit insurance.",
        subcommands: [InsurancePremiumCommand.self]
    )
}

/// `corridor-risk fund …`
struct FundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund",
        abstract: "Risk-compensation funds behind SME loan books.",
        subcommands: [FundSimulateCommand.self]
    )
}
