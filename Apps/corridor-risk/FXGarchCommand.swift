import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk fx garch`
struct FXGarchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "garch",
        abstract: "Fit GARCH(1,1) with a constant mean by maximum likelihood (normal or Student-t errors).",
        discussion: "Returns are multiplied by --scale (100 by default, as arch users do) before fitting; parameters are on that scale."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var pair: PairOptions
    @Option(help: "normal | t.") var dist: GARCHModel.Distribution = .normal
    @Option(help: "simple | log returns.") var returns: ReturnKind = .simple
    @Option(help: "Multiply returns by this before fitting.") var scale: Double = 100
    @Option(help: "table | json.") var format: OutputFormat = .table

    func run() async throws {
        let (base, currency, from, to) = try pair.resolved()
        guard scale > 0 else { throw ValidationError("--scale must be positive") }
        let rates = try data.rates()
        let series = try finance { () throws(FinanceError) in try rates.series(of: currency, in: base, from: from, to: to) }
        let r = series.returns(returns).map { $0 * scale }
        let fit = try finance { () throws(FinanceError) in try GARCHModel(distribution: dist).fit(r) }
        switch format {
        case .json: try printJSON(fit)
        case .table:
            print("GARCH(1,1), \(dist.rawValue) errors, \(currency) in \(base), \(fit.observations) returns × \(scale)")
            print("mu           \(fit.mu)")
            print("omega        \(fit.omega)")
            print("alpha        \(fit.alpha)")
            print("beta         \(fit.beta)")
            if let nu = fit.nu { print("nu           \(nu)") }
            print("persistence  \(fit.persistence)")
            print("log-lik      \(fit.logLikelihood)")
            print("next sigma   \(fit.forecastVolatility)")
        }
    }
}
