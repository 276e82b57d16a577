/// How the model's and retrieval's scores are combined and turned into probabilities; fitted on the
/// development split.
public struct Calibration: Hashable, Sendable, Codable {
    private enum CodingKeys: String, CodingKey { case retrievalWeight, exampleWeight, siblingWeight, temperature }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        retrievalWeight = try c.decode(Double.self, forKey: .retrievalWeight)
        exampleWeight = try c.decodeIfPresent(Double.self, forKey: .exampleWeight) ?? 0
        siblingWeight = try c.decodeIfPresent(Double.self, forKey: .siblingWeight) ?? 0
        temperature = try c.decode(Double.self, forKey: .temperature)
    }

    /// The weight of the retrieval score (BM25 relative to the query's best) added to the model's log-probability.
    public var retrievalWeight: Double
    /// The weight of the nearest-example score (best training example's BM25 relative to the query's best).
    public var exampleWeight: Double
    /// The weight of the sibling discriminator's log-probability of the subheading within its heading.
    public var siblingWeight: Double
    /// The softmax temperature over the combined scores (temperature scaling).
    public var temperature: Double

    /// Creates a calibration.
    public init(retrievalWeight: Double, exampleWeight: Double = 0, siblingWeight: Double = 0, temperature: Double) {
        self.retrievalWeight = retrievalWeight
        self.exampleWeight = exampleWeight
        self.siblingWeight = siblingWeight
        self.temperature = temperature
    }
}
