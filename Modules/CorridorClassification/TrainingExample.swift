/// One labelled text of the corpus.
public struct TrainingExample: Hashable, Sendable, Codable {
    /// The text as the source gives it (whitespace collapsed).
    public let text: String
    /// The HS 2022 subheading, six digits.
    public let hs6: String
    /// The source.
    public let source: CorpusSource
    /// Whether the example belongs to the development split (held out from training, used to judge
    /// every modelling choice and to fit calibration).
    public let isDev: Bool

    /// Creates an example.
    public init(text: String, hs6: String, source: CorpusSource, isDev: Bool) {
        self.text = text
        self.hs6 = hs6
        self.source = source
        self.isDev = isDev
    }
}
