/// Why the classifier proposes its first answer.
public struct Explanation: Hashable, Sendable, Codable {
    /// A nomenclature line on the path to the answer.
    public struct Line: Hashable, Sendable, Codable {
        /// The code (2, 4 or 6 digits).
        public let code: String
        /// Its HS 2022 description.
        public let description: String
    }

    /// The chapter, heading and subheading lines of the first prediction.
    public let nomenclature: [Line]
    /// Training examples of the first prediction that share the most words with the text.
    public let examples: [String]
    /// The words of the text that also occur in the first prediction's nomenclature and examples.
    public let matchedTerms: [String]
    /// Product-vocabulary phrases found in the text, whose nomenclature words were added (`sneaker`).
    public let vocabulary: [String]
    /// How much of the score came from the learned model and how much from retrieval (log-scale terms).
    public let modelLogProbability: Double
    public let retrievalScore: Double
    /// The best training example's BM25, relative to the text's closest example (1 = it is the closest).
    public let nearestExampleScore: Double
}
