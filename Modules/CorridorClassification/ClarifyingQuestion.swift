/// A question that tells the closest candidates apart, built from the wording that differs between
/// their nomenclature texts ("of cotton" or "of textile materials (other than cotton)").
public struct ClarifyingQuestion: Hashable, Sendable, Codable {
    /// One answer and the subheading it leads to.
    public struct Option: Hashable, Sendable, Codable {
        /// The distinguishing wording.
        public let wording: String
        /// The subheading this answer leads to.
        public let hs6: String
    }

    /// The question, e.g. "Is it of cotton, or of textile materials (other than cotton)?".
    public let text: String
    /// The answers.
    public let options: [Option]
}
