/// One candidate HS subheading.
public struct Prediction: Hashable, Sendable, Codable {
    /// The HS 2022 subheading, six digits.
    public let hs6: String
    /// The calibrated probability that this is the right subheading.
    public let score: Double
    /// The subheading's HS 2022 description.
    public let description: String
    /// The heading (4 digits) and its description.
    public let heading: String
    public let headingDescription: String
    /// The chapter (2 digits) and its description.
    public let chapter: String
    public let chapterDescription: String
}
