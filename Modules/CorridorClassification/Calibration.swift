/// How the model's and retrieval's scores are combined and turned into probabilities; fitted on the
/// development split.
public struct Calibration: Hashable, Sendable, Codable {
    /// The weight of the retrieval score (BM25 relative to the query's best) added to the model's log-probability.
    public var retrievalWeight: Double
    /// The softmax temperature over the combined scores (temperature scaling).
    public var temperature: Double

    /// Creates a calibration.
    public init(retrievalWeight: Double, temperature: Double) {
        self.retrievalWeight = retrievalWeight
        self.temperature = temperature
    }
}
