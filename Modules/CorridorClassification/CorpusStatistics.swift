/// What the corpus builder read, kept, mapped and dropped, per source.
public struct CorpusStatistics: Hashable, Sendable, Codable {
    /// Counts for one source.
    public struct SourceCounts: Hashable, Sendable, Codable {
        /// Records read.
        public var read = 0
        /// Examples kept (after removing duplicates).
        public var kept = 0
        /// Kept examples in the development split.
        public var dev = 0
        /// Records whose (text, label) pair was already in the corpus.
        public var duplicates = 0
        /// Records whose code was not an HS 2022 subheading but was mapped from HS 2017 one-to-one.
        public var mappedFromHS2017 = 0
        /// Records dropped because their code is not a valid HS 2022 subheading and cannot be mapped.
        public var unmappable = 0
        /// Records dropped because they carry no usable text (empty, or only a category number).
        public var empty = 0

        /// Zero counts.
        public init() {}
    }

    /// Counts by source.
    public var sources: [CorpusSource: SourceCounts] = [:]
    /// The number of distinct HS 2022 subheadings (labels) the model can predict.
    public var labels = 0
    /// The number of labels with at least one training example.
    public var labelsWithExamples = 0

    /// The chapters the corpus was cut to, or nil for all of HS 2022. After a cut, `kept` and `dev`
    /// count the chapters' examples while `read` and the dropped counts describe the whole build.
    public var chapters: [String]?

    /// Empty statistics.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case sources, labels, labelsWithExamples, chapters
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let named = try c.decode([String: SourceCounts].self, forKey: .sources)
        for (name, counts) in named {
            guard let source = CorpusSource(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .sources, in: c, debugDescription: "unknown corpus source '\(name)'")
            }
            sources[source] = counts
        }
        labels = try c.decode(Int.self, forKey: .labels)
        labelsWithExamples = try c.decode(Int.self, forKey: .labelsWithExamples)
        chapters = try c.decodeIfPresent([String].self, forKey: .chapters)
    }

    /// Encodes sources as an object keyed by source name, so that the encoding is stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Dictionary(uniqueKeysWithValues: sources.map { ($0.key.rawValue, $0.value) }), forKey: .sources)
        try c.encode(labels, forKey: .labels)
        try c.encode(labelsWithExamples, forKey: .labelsWithExamples)
        try c.encodeIfPresent(chapters, forKey: .chapters)
    }

    /// Examples kept over all sources.
    public var kept: Int { sources.values.reduce(0) { $0 + $1.kept } }
    /// Development examples over all sources.
    public var dev: Int { sources.values.reduce(0) { $0 + $1.dev } }
}
