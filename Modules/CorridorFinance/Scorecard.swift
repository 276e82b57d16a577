import Foundation
/// A points scorecard: binned features, their WoE, a logistic regression on the WoE and the points
/// every bin is worth. A score is the base points plus the points of the applicant's bins.
public struct Scorecard: Sendable, Codable, Equatable {
    /// One feature's bins and points.
    public struct Feature: Sendable, Codable, Equatable {
        /// The binning, with WoE per bin.
        public let binning: FeatureBinning
        /// The regression coefficient on the feature's WoE.
        public let coefficient: Double
        /// Points per bin of ``binning``'s bins, in order.
        public let points: [Double]
        /// Points for a missing value.
        public let missingPoints: Double
    }

    /// A feature left out and why.
    public struct Exclusion: Sendable, Codable, Equatable {
        /// The feature.
        public let feature: String
        /// Why it is not in the card.
        public let reason: String
    }

    /// Cross-validated AUC of one L2 penalty.
    public struct Validation: Sendable, Codable, Equatable {
        /// The penalty.
        public let l2: Double
        /// Mean AUC over the validation folds.
        public let auc: Double
    }

    /// The file format version.
    public static let formatVersion = 1

    /// The file format version of this card.
    public let version: Int
    /// The target column and outcome that is the event.
    public let target: String
    /// The outcome counted as the event.
    public let event: String
    /// The points scaling.
    public let scaling: ScorecardScaling
    /// The regression intercept.
    public let intercept: Double
    /// The L2 penalty the regression used.
    public let l2: Double
    /// The cross-validation that chose ``l2`` (empty when it was given).
    public let validation: [Validation]
    /// Points every applicant starts with: A − B × intercept.
    public let basePoints: Double
    /// The features in the card.
    public let features: [Feature]
    /// Candidate features left out.
    public let excluded: [Exclusion]
    /// Metrics on the training rows.
    public let trainMetrics: ClassificationMetrics
    /// Metrics on the held-out rows, when a split was made.
    public let testMetrics: ClassificationMetrics?

    /// An applicant's score and probability of the event.
    public struct Result: Sendable, Codable, Equatable {
        /// The score (higher is safer).
        public let score: Double
        /// The model's probability of the event.
        public let probability: Double
        /// Points per feature, in card order.
        public let points: [String: Double]
    }

    /// Scores one applicant given as column → cell (a missing key or `nil` is a missing value).
    public func score(_ applicant: [String: String?]) -> Result {
        var logOdds = intercept
        var total = basePoints
        var breakdown: [String: Double] = [:]
        for feature in features {
            var cell = (applicant[feature.binning.feature] ?? nil)?.trimmingCharacters(in: .whitespaces)
            // The same missing values as a CSV file has; a number that is not finite is missing too.
            if let text = cell, CreditDataset.missingTokens.contains(text) { cell = nil }
            if feature.binning.kind == .numeric, let text = cell, let x = Double(text), !x.isFinite { cell = nil }
            let woe = feature.binning.woe(for: cell)
            logOdds += feature.coefficient * woe
            let points: Double
            if let cell, let i = feature.binning.binIndex(for: cell) {
                points = feature.points[i]
            } else if cell == nil || (feature.binning.kind == .numeric && Double(cell ?? "") == nil) {
                points = feature.missingPoints
            } else {
                points = 0  // an unseen category: WoE 0, so no points either way
            }
            breakdown[feature.binning.feature] = points
            total += points
        }
        return Result(score: total, probability: 1 / (1 + _exp(-logOdds)), points: breakdown)
    }

    /// Scores every row of a dataset; the card's features must all be columns of it.
    public func score(_ dataset: CreditDataset) throws(FinanceError) -> [Result] {
        var indices: [String: Int] = [:]
        for feature in features {
            guard let i = dataset.columns.firstIndex(of: feature.binning.feature) else {
                throw .incompatibleModel("the card needs column '\(feature.binning.feature)', which the data lacks")
            }
            indices[feature.binning.feature] = i
        }
        return dataset.rows.map { row in
            var applicant: [String: String?] = [:]
            for (name, i) in indices { applicant[name] = row[i] }
            return score(applicant)
        }
    }

    /// Checks a decoded card can be used by this version.
    public func validate() throws(FinanceError) {
        guard version == Self.formatVersion else {
            throw .incompatibleModel("format version \(version); this build reads version \(Self.formatVersion)")
        }
        for f in features where f.points.count != f.binning.bins.count {
            throw .incompatibleModel("feature '\(f.binning.feature)' has \(f.points.count) point values for \(f.binning.bins.count) bins")
        }
    }

    init(target: String, event: String, scaling: ScorecardScaling, regression: LogisticRegression, l2: Double, validation: [Validation], binnings: [FeatureBinning],
         excluded: [Exclusion], trainMetrics: ClassificationMetrics, testMetrics: ClassificationMetrics?) {
        version = Self.formatVersion
        self.target = target
        self.event = event
        self.scaling = scaling
        intercept = regression.intercept
        self.l2 = l2
        self.validation = validation
        basePoints = scaling.offset - scaling.factor * regression.intercept
        features = zip(binnings, regression.coefficients).map { binning, b in
            Feature(binning: binning, coefficient: b,
                    points: binning.bins.map { -scaling.factor * b * $0.woe },
                    missingPoints: -scaling.factor * b * binning.missing.woe)
        }
        self.excluded = excluded
        self.trainMetrics = trainMetrics
        self.testMetrics = testMetrics
    }
}
