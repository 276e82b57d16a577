import ArgumentParser
import CorridorCommandLine
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk credit train`
struct CreditTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a points scorecard: bin every feature, keep IV ≥ 0.02, L2 logistic regression on WoE, scale to points.",
        discussion: """
            The rows are split (stratified, seeded) into train and test; metrics are printed for both. The L2 penalty is chosen by
            5-fold cross-validation on the training rows unless --l2 is given. Scaling: 600 points at odds 1:19, 50 points to double.
            """
    )

    @Option(help: "CSV file with a header row.") var file: String
    @Option(help: "The binary target column.") var target: String
    @Option(help: "The outcome counted as the event (default: 1, bad, true or yes).") var event: String?
    @Option(help: "Comma-separated feature columns (default: every other column).") var features: String?
    @Option(help: "Where to write the scorecard (JSON).") var out: String
    @Option(help: "Share of rows held out for testing (0 trains on all).") var testShare: Double = 0.3
    @Option(help: "Seed of the split and the folds.") var seed: UInt64 = 42
    @Option(help: "L2 penalty (default: chosen by cross-validation).") var l2: Double?
    @Option(help: "Least IV for a feature to enter.") var minIv: Double = 0.02
    @Option(help: "Points at the reference odds.") var points0: Double = 600
    @Option(help: "Reference odds of the event, as a fraction (1/19 = 0.0526…).") var odds0: Double = 1.0 / 19
    @Option(help: "Points to double the odds.") var pdo: Double = 50
    @Option(help: "table | json.") var format: OutputFormat = .table
    @Option(help: "Draw the score distribution to this SVG file.") var svg: String?

    func run() async throws {
        let dataset = try finance { () throws(FinanceError) in try CreditDataset(contentsOf: URL(fileURLWithPath: file)) }
        let card = try finance { () throws(FinanceError) -> Scorecard in
            let y = try dataset.target(target, event: event)
            var trainer = ScorecardTrainer()
            trainer.l2 = l2
            trainer.minimumIV = minIv
            trainer.seed = seed
            trainer.scaling = try ScorecardScaling(points0: points0, odds0: odds0, pdo: pdo)
            let names = features?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if testShare == 0 {
                return try trainer.train(dataset, target: y, features: names)
            }
            let split = try StratifiedSplit(outcomes: y.values, testShare: testShare, seed: seed)
            return try trainer.train(dataset, target: y, features: names, train: split.train, test: split.test)
        }
        do {
            try (try JSONOutput.string(card) + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError("cannot write \(out): \(error.localizedDescription)")
        }
        if let svg {
            let scores = try finance { () throws(FinanceError) in try card.score(dataset) }.map(\.score)
            let outcomes = try finance { () throws(FinanceError) in try dataset.target(target, event: event) }.values
            try writeSVG(SVGChart.histogram(scores, events: outcomes, title: "Score distribution (\(dataset.rows.count) rows; \(card.event) in red)", xLabel: "score"), to: svg)
        }
        switch format {
        case .json: try printJSON(card)
        case .table:
            print("scorecard written to \(out): \(card.features.count) features, L2 \(card.l2), base points \(String(format: "%.1f", card.basePoints))")
            print("train  AUC \(String(format: "%.4f", card.trainMetrics.auc))  KS \(String(format: "%.4f", card.trainMetrics.ks))  Gini \(String(format: "%.4f", card.trainMetrics.gini))  (\(card.trainMetrics.count) rows)")
            if let t = card.testMetrics {
                print("test   AUC \(String(format: "%.4f", t.auc))  KS \(String(format: "%.4f", t.ks))  Gini \(String(format: "%.4f", t.gini))  (\(t.count) rows)")
            }
            for f in card.features {
                print("  \(f.binning.feature): IV \(String(format: "%.4f", f.binning.informationValue)), \(f.binning.bins.count) bins, points \(f.points.map { String(format: "%.0f", $0) }.joined(separator: "/"))")
            }
            for x in card.excluded { print("  left out \(x.feature): \(x.reason)") }
        }
    }
}
