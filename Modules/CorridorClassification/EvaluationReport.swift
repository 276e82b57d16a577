/// Accuracy and calibration on a labelled set.
public struct EvaluationReport: Hashable, Sendable, Codable {
    /// Accuracy at one code length.
    public struct Level: Hashable, Sendable, Codable {
        /// 2, 4 or 6 digits.
        public let digits: Int
        /// The share of items whose code (cut to `digits`) is the first answer.
        public let top1: Double
        /// The share whose code is among the first five distinct answers at that length.
        public let top5: Double
    }

    /// The number of items scored.
    public let count: Int
    /// Accuracy at 2, 4 and 6 digits.
    public let levels: [Level]
    /// Expected calibration error of the first answer's confidence (15 equal-width bins).
    public let expectedCalibrationError: Double
    /// The mean confidence of the first answer.
    public let meanConfidence: Double

    /// The level with `digits`, if reported.
    public func level(_ digits: Int) -> Level? { levels.first { $0.digits == digits } }

    /// Expected calibration error over (confidence, correct) pairs in `bins` equal-width bins.
    public static func expectedCalibrationError(_ pairs: [(confidence: Double, correct: Bool)], bins: Int = 15) -> Double {
        guard !pairs.isEmpty, bins > 0 else { return 0 }
        var confidence = [Double](repeating: 0, count: bins)
        var correct = [Double](repeating: 0, count: bins)
        var count = [Double](repeating: 0, count: bins)
        for pair in pairs {
            let bin = min(Int(pair.confidence * Double(bins)), bins - 1)
            confidence[bin] += pair.confidence
            correct[bin] += pair.correct ? 1 : 0
            count[bin] += 1
        }
        var total = 0.0
        for bin in 0..<bins where count[bin] > 0 {
            total += abs(confidence[bin] - correct[bin]) / Double(pairs.count)
        }
        return total
    }
}
