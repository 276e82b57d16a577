/// How well scores separate events from non-events: AUC, KS and Gini.
public struct ClassificationMetrics: Sendable, Codable, Equatable {
    /// The area under the ROC curve (ties count one half).
    public let auc: Double
    /// The Kolmogorov–Smirnov statistic: the largest gap between the cumulative event and
    /// non-event distributions of the score.
    public let ks: Double
    /// 2 × AUC − 1.
    public var gini: Double { 2 * auc - 1 }
    /// Rows scored.
    public let count: Int
    /// Events among them.
    public let events: Int

    /// Measures scores where a higher score means a more likely event.
    public init(scores: [Double], events outcomes: [Bool]) throws(FinanceError) {
        guard scores.count == outcomes.count, !scores.isEmpty else {
            throw .invalidParameter(name: "scores", reason: "need one score per outcome")
        }
        let positives = outcomes.filter { $0 }.count
        let negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else {
            throw .targetNotBinary(column: "outcomes", values: [positives == 0 ? "non-event only" : "event only"])
        }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        // Mann–Whitney with average ranks for ties, and KS over distinct score values.
        var rankSum = 0.0
        var i = 0
        var cumPositive = 0, cumNegative = 0
        var ks = 0.0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j + 2) / 2
            for k in i...j {
                if outcomes[order[k]] {
                    rankSum += averageRank
                    cumPositive += 1
                } else {
                    cumNegative += 1
                }
            }
            ks = max(ks, abs(Double(cumNegative) / Double(negatives) - Double(cumPositive) / Double(positives)))
            i = j + 1
        }
        let p = Double(positives), q = Double(negatives)
        auc = (rankSum - p * (p + 1) / 2) / (p * q)
        self.ks = ks
        count = scores.count
        events = positives
    }
}
