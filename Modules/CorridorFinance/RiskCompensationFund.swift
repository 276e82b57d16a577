import CorridorModel
public import Foundation

/// A seeded Monte Carlo of a risk-compensation fund standing behind a loan book, with defaults
/// correlated by the one-factor Vasicek model.
///
/// Each year a systematic factor Z ~ N(0, 1) sets every borrower's conditional PD to
/// Φ((Φ⁻¹(PD) − √ρ Z) / √(1 − ρ)); the number of defaults is binomial given Z (exact inversion, or
/// the normal approximation when n·p·(1 − p) > 50). A default loses LGD × the loan; the fund pays
/// `coverage` of each year's loss until it is exhausted, and may be topped up every year. The book
/// is renewed each year at the same size, as revolving trade loans are.
public struct RiskCompensationFund: Sendable, Codable, Equatable {
    /// Borrowers in the book.
    public let loans: Int
    /// Total principal of the book.
    public let principal: Decimal
    /// The fund's initial size.
    public let fundSize: Decimal
    /// A yearly top-up paid into the fund.
    public let annualContribution: Decimal
    /// Annual probability of default per borrower.
    public let annualPD: Double
    /// Loss given default.
    public let lgd: Double
    /// Asset correlation ρ.
    public let assetCorrelation: Double
    /// The share of each loss the fund pays (policy programmes use 50–80%).
    public let coverage: Double
    /// Years simulated.
    public let horizonYears: Int

    /// Creates the fund and validates every parameter.
    public init(loans: Int, principal: Decimal, fundSize: Decimal, annualContribution: Decimal = 0, annualPD: Double, lgd: Double,
                assetCorrelation: Double, coverage: Double, horizonYears: Int) throws(FinanceError) {
        guard loans > 0, loans <= 10_000_000 else { throw .invalidParameter(name: "loans", reason: "must be 1 to 10,000,000, got \(loans)") }
        guard principal > 0 else { throw .invalidParameter(name: "principal", reason: "must be positive, got \(principal)") }
        guard fundSize > 0 else { throw .invalidParameter(name: "fund", reason: "must be positive, got \(fundSize)") }
        guard annualContribution >= 0 else { throw .invalidParameter(name: "annual_contribution", reason: "must be zero or positive") }
        guard annualPD > 0, annualPD < 1 else { throw .invalidParameter(name: "pd", reason: "must lie strictly between 0 and 1, got \(annualPD)") }
        guard lgd > 0, lgd <= 1 else { throw .invalidParameter(name: "lgd", reason: "must lie in (0, 1], got \(lgd)") }
        guard assetCorrelation >= 0, assetCorrelation < 1 else { throw .invalidParameter(name: "rho", reason: "must lie in [0, 1), got \(assetCorrelation)") }
        guard coverage > 0, coverage <= 1 else { throw .invalidParameter(name: "coverage", reason: "must lie in (0, 1], got \(coverage)") }
        guard horizonYears >= 1, horizonYears <= 50 else { throw .invalidParameter(name: "years", reason: "must be 1 to 50, got \(horizonYears)") }
        self.loans = loans
        self.principal = principal
        self.fundSize = fundSize
        self.annualContribution = annualContribution
        self.annualPD = annualPD
        self.lgd = lgd
        self.assetCorrelation = assetCorrelation
        self.coverage = coverage
        self.horizonYears = horizonYears
    }

    /// The simulation's outcome.
    public struct Outcome: Sendable, Codable, Equatable {
        /// Paths simulated.
        public let simulations: Int
        /// The seed.
        public let seed: UInt64
        /// The share of paths on which the fund is exhausted within the horizon.
        public let depletionProbability: Double
        /// Per year, the share of paths exhausted by the end of that year.
        public let depletionByYear: [Double]
        /// The analytic expected loss over the horizon, PD × LGD × principal × years.
        public let expectedLoss: Double
        /// The mean simulated loss over the horizon.
        public let meanLoss: Double
        /// Percentiles (50, 90, 95, 99, 99.9) of the horizon loss.
        public let lossPercentiles: [String: Double]
        /// Percentiles of what the fund pays.
        public let fundPayoutPercentiles: [String: Double]
        /// Percentiles of the loss the lenders bear after the fund.
        public let lenderLossPercentiles: [String: Double]
        /// Principal per unit of fund (the programme's leverage).
        public let leverage: Double
    }

    /// Runs `simulations` paths from `seed`.
    public func simulate(simulations: Int = 10_000, seed: UInt64 = 42) throws(FinanceError) -> Outcome {
        guard simulations >= 100, simulations <= 10_000_000 else {
            throw .invalidParameter(name: "simulations", reason: "must be 100 to 10,000,000, got \(simulations)")
        }
        let book = NSDecimalNumber(decimal: principal).doubleValue
        let fund0 = NSDecimalNumber(decimal: fundSize).doubleValue
        let topUp = NSDecimalNumber(decimal: annualContribution).doubleValue
        let perLoan = book / Double(loans)
        let threshold = SpecialFunctions.normalQuantile(annualPD)
        let sqrtRho = assetCorrelation.squareRoot(), sqrtOneMinus = (1 - assetCorrelation).squareRoot()
        var generator = SeededGenerator(seed: seed)
        var spare: Double?
        var losses = [Double](repeating: 0, count: simulations)
        var payouts = [Double](repeating: 0, count: simulations)
        var depletedBy = [Int](repeating: 0, count: horizonYears)
        var depleted = 0
        for s in 0..<simulations {
            var fund = fund0
            var exhaustedYear: Int?
            var loss = 0.0, paid = 0.0
            for year in 0..<horizonYears {
                let z = generator.nextNormal(spare: &spare)
                let p = SpecialFunctions.normalCDF((threshold - sqrtRho * z) / sqrtOneMinus)
                let defaults = binomial(loans, p, &generator, &spare)
                let yearLoss = Double(defaults) * perLoan * lgd
                loss += yearLoss
                if year > 0 { fund += topUp }
                let claim = coverage * yearLoss
                let pay = min(claim, max(fund, 0))
                fund -= pay
                paid += pay
                if exhaustedYear == nil, claim > pay || fund <= 0, yearLoss > 0 { exhaustedYear = year }
            }
            losses[s] = loss
            payouts[s] = paid
            if let y = exhaustedYear {
                depleted += 1
                for k in y..<horizonYears { depletedBy[k] += 1 }
            }
        }
        func percentiles(_ values: [Double]) -> [String: Double] {
            let sorted = values.sorted()
            var out: [String: Double] = [:]
            for (name, q) in [("p50", 0.5), ("p90", 0.9), ("p95", 0.95), ("p99", 0.99), ("p99.9", 0.999)] {
                out[name] = ValueAtRisk.lowerQuantile(sorted: sorted, q)
            }
            return out
        }
        let lender = zip(losses, payouts).map { $0 - $1 }
        return Outcome(simulations: simulations, seed: seed, depletionProbability: Double(depleted) / Double(simulations),
                       depletionByYear: depletedBy.map { Double($0) / Double(simulations) },
                       expectedLoss: annualPD * lgd * book * Double(horizonYears),
                       meanLoss: losses.reduce(0, +) / Double(simulations),
                       lossPercentiles: percentiles(losses), fundPayoutPercentiles: percentiles(payouts),
                       lenderLossPercentiles: percentiles(lender), leverage: book / fund0)
    }

    private func binomial(_ n: Int, _ p: Double, _ g: inout SeededGenerator, _ spare: inout Double?) -> Int {
        guard p > 0 else { return 0 }
        guard p < 1 else { return n }
        // Walking the pmf from 0 underflows when p is large: count the survivors instead.
        if p > 0.5 { return n - binomial(n, 1 - p, &g, &spare) }
        let mean = Double(n) * p, variance = mean * (1 - p)
        if variance > 50 {
            let draw = (mean + variance.squareRoot() * g.nextNormal(spare: &spare)).rounded()
            return Int(min(max(draw, 0), Double(n)))
        }
        // Inversion: walk the pmf from 0.
        let u = g.nextUniform()
        var k = 0
        var pmf = Foundation.exp(Double(n) * Foundation.log1p(-p))
        var cdf = pmf
        let ratio = p / (1 - p)
        while cdf < u, k < n {
            pmf *= Double(n - k) / Double(k + 1) * ratio
            k += 1
            cdf += pmf
            if pmf < 1e-300, Double(k) > mean { break }
        }
        return k
    }
}
