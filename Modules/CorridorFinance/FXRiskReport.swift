public import CorridorModel

/// The answer to an ``FXRiskRequest``: the figures, the data they rest on and the convention used.
///
/// `var` and `es` are positive fractions of the base-currency value of one unit of the currency
/// (0.0119 is a 1.19% one-day loss).
public struct FXRiskReport: Sendable, Encodable, Equatable {
    /// The request answered.
    public let request: FXRiskRequest
    /// VaR as a positive fraction.
    public let valueAtRisk: Double
    /// ES as a positive fraction.
    public let expectedShortfall: Double
    /// Returns used (n rates give n − 1 returns).
    public let observations: Int
    /// Rates used.
    public let rates: Int
    /// The first and last rate dates used.
    public let firstDate: CivilDate?
    /// The last rate date used.
    public let lastDate: CivilDate?
    /// Publication days in the range that lacked a leg and were skipped, not filled.
    public let gaps: [CivilDate]
    /// The source of the rates.
    public let source: FXSource
    /// The mean return.
    public let mean: Double
    /// The volatility the method used.
    public let volatility: Double
    /// The GARCH fit, for the GARCH method.
    public let garch: GARCHFit?
    /// The statement of the convention.
    public let convention: String

    init(request: FXRiskRequest, series: FXSeries, estimate: RiskEstimate, garch: GARCHFit?) {
        self.request = request
        valueAtRisk = estimate.valueAtRisk
        expectedShortfall = estimate.expectedShortfall
        observations = estimate.observations
        rates = series.values.count
        firstDate = series.dates.first
        lastDate = series.dates.last
        gaps = series.gaps
        source = series.source
        mean = estimate.mean
        volatility = estimate.volatility
        self.garch = garch
        let horizon = series.source == .ecbDaily ? "daily" : "monthly"
        convention = "\(request.returns.rawValue) \(horizon) returns of the \(series.base.code) value of one \(series.currency.code), "
            + "from rates in [\(request.from), \(request.to)] only; VaR is the negated (1 − \(request.level)) quantile "
            + (request.method == .historical ? "(numpy.quantile method=\"lower\")" : "of the \(request.method.rawValue) model")
            + " and ES the negated mean of the returns at or below it"
    }

    enum CodingKeys: String, CodingKey {
        case valueAtRisk = "var", expectedShortfall = "es", observations, rates, firstDate = "first_date", lastDate = "last_date"
        case gaps, source, mean, volatility, garch, convention
        case base, currency, from, to, level, method, distribution, returns
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(valueAtRisk, forKey: .valueAtRisk)
        try c.encode(expectedShortfall, forKey: .expectedShortfall)
        try c.encode(observations, forKey: .observations)
        try c.encode(rates, forKey: .rates)
        try c.encodeIfPresent(firstDate, forKey: .firstDate)
        try c.encodeIfPresent(lastDate, forKey: .lastDate)
        try c.encode(gaps, forKey: .gaps)
        try c.encode(source.rawValue, forKey: .source)
        try c.encode(mean, forKey: .mean)
        try c.encode(volatility, forKey: .volatility)
        try c.encodeIfPresent(garch, forKey: .garch)
        try c.encode(convention, forKey: .convention)
        try c.encode(request.base, forKey: .base)
        try c.encode(request.currency, forKey: .currency)
        try c.encode(request.from, forKey: .from)
        try c.encode(request.to, forKey: .to)
        try c.encode(request.level, forKey: .level)
        try c.encode(request.method, forKey: .method)
        if request.method == .garch { try c.encode(request.distribution, forKey: .distribution) }
        try c.encode(request.returns, forKey: .returns)
    }
}
