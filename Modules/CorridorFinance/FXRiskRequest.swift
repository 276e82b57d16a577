public import CorridorModel

/// A request for the VaR and ES of one currency against a base, as the CLI and `POST /v1/risk/fx/var` take it.
///
/// JSON: `{"base":"EUR","currency":"CNY","from":"2016-01-01","to":"2025-12-31","level":0.99,
/// "method":"historical","distribution":"normal","returns":"simple","lambda":0.94}`; only the first
/// four are required.
public struct FXRiskRequest: Sendable, Codable, Equatable {
    /// The currency values are expressed in.
    public var base: CurrencyCode
    /// The currency one unit of which is valued.
    public var currency: CurrencyCode
    /// The first rate date.
    public var from: CivilDate
    /// The last rate date.
    public var to: CivilDate
    /// The confidence level.
    public var level: Double
    /// The estimation method.
    public var method: VaRMethod
    /// GARCH errors.
    public var distribution: GARCHModel.Distribution
    /// Simple or log returns.
    public var returns: ReturnKind
    /// The EWMA decay.
    public var lambda: Double

    /// Creates a request.
    public init(base: CurrencyCode, currency: CurrencyCode, from: CivilDate, to: CivilDate, level: Double = 0.99,
                method: VaRMethod = .historical, distribution: GARCHModel.Distribution = .normal, returns: ReturnKind = .simple, lambda: Double = 0.94) {
        self.base = base
        self.currency = currency
        self.from = from
        self.to = to
        self.level = level
        self.method = method
        self.distribution = distribution
        self.returns = returns
        self.lambda = lambda
    }

    enum CodingKeys: String, CodingKey { case base, currency, from, to, level, method, distribution, returns, lambda }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(base: try c.decode(CurrencyCode.self, forKey: .base), currency: try c.decode(CurrencyCode.self, forKey: .currency),
                  from: try c.decode(CivilDate.self, forKey: .from), to: try c.decode(CivilDate.self, forKey: .to),
                  level: try c.decodeIfPresent(Double.self, forKey: .level) ?? 0.99,
                  method: try c.decodeIfPresent(VaRMethod.self, forKey: .method) ?? .historical,
                  distribution: try c.decodeIfPresent(GARCHModel.Distribution.self, forKey: .distribution) ?? .normal,
                  returns: try c.decodeIfPresent(ReturnKind.self, forKey: .returns) ?? .simple,
                  lambda: try c.decodeIfPresent(Double.self, forKey: .lambda) ?? 0.94)
    }

    /// Computes the report from the loaded rates.
    public func run(_ rates: FXRates) throws(FinanceError) -> FXRiskReport {
        let series = try rates.series(of: currency, in: base, from: from, to: to)
        let r = series.returns(returns)
        var fit: GARCHFit?
        let estimate: RiskEstimate
        if method == .garch {
            let result = try ValueAtRisk.garch(r, level: level, distribution: distribution)
            estimate = result.estimate
            fit = result.fit
        } else {
            estimate = try ValueAtRisk.estimate(r, level: level, method: method, lambda: lambda)
        }
        return FXRiskReport(request: self, series: series, estimate: estimate, garch: fit)
    }
}
