import CorridorModel
/// Trains a ``Scorecard`` from a ``CreditDataset``: bins every candidate feature on the training
/// rows, keeps those with IV ≥ `minimumIV`, fits an L2 logistic regression on their WoE, and
/// scales it to points.
///
/// Trade features (order counts, return and chargeback rates, platform tenure, on-time shipment
/// rate) are ordinary columns: a pilot zone exports them per applicant next to any bureau fields,
/// and the binning treats them like any other (Docs/FINANCE.md).
public struct ScorecardTrainer: Sendable {
    /// The binner used for every feature.
    public var binning = OptimalBinning()
    /// Features whose IV on the training rows is below this are left out.
    public var minimumIV = 0.02
    /// The L2 penalty of the regression; `nil` chooses it from ``l2Grid`` by stratified k-fold
    /// cross-validation on the training rows (mean validation AUC), re-binning inside every fold.
    public var l2: Double?
    /// The penalties cross-validation chooses from.
    public var l2Grid: [Double] = [0.1, 0.3, 1, 3, 10, 30, 100]
    /// The folds of the cross-validation.
    public var folds = 5
    /// The seed of the folds.
    public var seed: UInt64 = 42
    /// The points scaling.
    public var scaling = ScorecardScaling.standard

    /// Creates a trainer with the defaults above.
    public init() {}

    /// Trains on `train` rows (all rows when `nil`) and measures on `test` rows when given.
    public func train(_ dataset: CreditDataset, target: BinaryTarget, features: [String]? = nil,
                      train trainRows: [Int]? = nil, test testRows: [Int]? = nil) throws(FinanceError) -> Scorecard {
        let candidates = features ?? dataset.columns.filter { $0 != target.column }
        for name in candidates { _ = try dataset.index(of: name) }
        guard !candidates.contains(target.column) else {
            throw .invalidParameter(name: "features", reason: "the target '\(target.column)' cannot also be a feature")
        }
        let rows = trainRows ?? Array(dataset.rows.indices)
        let y = rows.map { target.values[$0] }
        let (binnings, excluded) = try bin(dataset, candidates: candidates, rows: rows, y: y)
        let penalty: Double
        var validation: [Scorecard.Validation] = []
        if let l2 {
            penalty = l2
        } else {
            validation = try crossValidate(dataset, target: target, candidates: candidates, rows: rows)
            penalty = validation.max { $0.auc < $1.auc }?.l2 ?? 1
        }
        let matrix = woeMatrix(dataset, binnings: binnings, rows: rows)
        let regression = try LogisticRegression.fit(matrix, events: y, l2: penalty)
        let trainMetrics = try ClassificationMetrics(scores: matrix.map { regression.logOdds($0) }, events: y)
        var testMetrics: ClassificationMetrics?
        if let testRows, !testRows.isEmpty {
            let m = woeMatrix(dataset, binnings: binnings, rows: testRows)
            testMetrics = try ClassificationMetrics(scores: m.map { regression.logOdds($0) }, events: testRows.map { target.values[$0] })
        }
        return Scorecard(target: target.column, event: target.event, scaling: scaling, regression: regression, l2: penalty,
                         validation: validation, binnings: binnings, excluded: excluded, trainMetrics: trainMetrics, testMetrics: testMetrics)
    }

    /// Mean validation AUC per penalty over stratified folds of `rows`.
    private func crossValidate(_ dataset: CreditDataset, target: BinaryTarget, candidates: [String], rows: [Int]) throws(FinanceError) -> [Scorecard.Validation] {
        guard folds >= 2 else { throw .invalidParameter(name: "folds", reason: "cross-validation needs at least 2 folds") }
        var generator = SeededGenerator(seed: seed)
        var foldOf = [Int: Int]()
        for outcome in [false, true] {
            var members = rows.filter { target.values[$0] == outcome }
            if members.count > 1 {
                for i in stride(from: members.count - 1, to: 0, by: -1) {
                    members.swapAt(i, Int(generator.next() % UInt64(i + 1)))
                }
            }
            for (k, row) in members.enumerated() { foldOf[row] = k % folds }
        }
        var sums = [Double](repeating: 0, count: l2Grid.count)
        for fold in 0..<folds {
            let fit = rows.filter { foldOf[$0] != fold }, held = rows.filter { foldOf[$0] == fold }
            let yFit = fit.map { target.values[$0] }, yHeld = held.map { target.values[$0] }
            let (binnings, _) = try bin(dataset, candidates: candidates, rows: fit, y: yFit)
            let mFit = woeMatrix(dataset, binnings: binnings, rows: fit), mHeld = woeMatrix(dataset, binnings: binnings, rows: held)
            for (g, penalty) in l2Grid.enumerated() {
                let model = try LogisticRegression.fit(mFit, events: yFit, l2: penalty)
                sums[g] += try ClassificationMetrics(scores: mHeld.map { model.logOdds($0) }, events: yHeld).auc
            }
        }
        return zip(l2Grid, sums).map { Scorecard.Validation(l2: $0, auc: $1 / Double(folds)) }
    }

    private func woeMatrix(_ dataset: CreditDataset, binnings: [FeatureBinning], rows: [Int]) -> [[Double]] {
        let columns = binnings.map { dataset.columns.firstIndex(of: $0.feature) ?? 0 }
        return rows.map { r in zip(binnings, columns).map { $0.woe(for: dataset.rows[r][$1]) } }
    }

    private func bin(_ dataset: CreditDataset, candidates: [String], rows: [Int], y: [Bool]) throws(FinanceError) -> ([FeatureBinning], [Scorecard.Exclusion]) {
        var binnings: [FeatureBinning] = []
        var excluded: [Scorecard.Exclusion] = []
        for name in candidates {
            let column = try dataset.column(name)
            let cells = rows.map { column[$0] }
            let binned: FeatureBinning
            do {
                if let numeric = try dataset.numericColumn(name) {
                    binned = try binning.fitNumeric(rows.map { numeric[$0] }, target: y, feature: name)
                } else {
                    binned = try binning.fitCategorical(cells, target: y, feature: name)
                }
            } catch .constantFeature {
                excluded.append(.init(feature: name, reason: "constant on the training rows"))
                continue
            }
            if binned.informationValue < minimumIV {
                excluded.append(.init(feature: name, reason: "IV \(String(binned.informationValue.rounded(to: 4))) below \(minimumIV)"))
            } else if binned.bins.count < 2 {
                excluded.append(.init(feature: name, reason: "a single bin after optimisation"))
            } else {
                binnings.append(binned)
            }
        }
        guard !binnings.isEmpty else {
            throw .invalidParameter(name: "features", reason: "no feature reaches IV \(minimumIV) on the training rows")
        }
        return (binnings, excluded)
    }
}

extension Double {
    func rounded(to places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
