/// The answer to one product text.
public struct ClassificationResult: Hashable, Sendable, Codable {
    /// The candidates, most probable first.
    public let predictions: [Prediction]
    /// The calibrated probability of the first candidate.
    public let confidence: Double
    /// Why the first candidate is proposed; nil when there is none.
    public let explanation: Explanation?
    /// A question that separates the leading candidates when they are close; nil otherwise.
    public let question: ClarifyingQuestion?
    /// Notes about the input, e.g. that it was truncated.
    public let warnings: [String]
}
