/// The settings of a training run; stored in the model file.
public struct Hyperparameters: Sendable, Hashable, Codable {
    /// Embedding dimension.
    public var dimension: Int = 64
    /// Passes over the training split.
    public var epochs: Int = 20
    /// The starting learning rate; it decays linearly to zero over the run.
    public var learningRate: Double = 0.4
    /// Hash buckets for word and character n-gram features.
    public var buckets: Int = 1 << 18
    /// Shortest character n-gram.
    public var minN: Int = 3
    /// Longest character n-gram.
    public var maxN: Int = 5
    /// Whether word bigrams are features.
    public var wordBigrams: Bool = true
    /// How many times each product-wording example (HMRC search references, rulings) is seen per epoch,
    /// so that traders' words weigh against the far more numerous nomenclature lines.
    public var productTermRepeats: Int = 3
    /// Passes of the sibling discriminator (the sparse model that separates a heading's subheadings).
    public var siblingEpochs: Int = 20
    /// The sibling discriminator's starting learning rate (linear decay to zero).
    public var siblingLearningRate: Double = 4
    /// Training threads. With 1 (the default) training is reproducible bit for bit; with 2 it runs
    /// about twice as fast on two cores, lock-free as fastText does, and the weights vary slightly
    /// from run to run.
    public var threads: Int = 1
    /// The seed of initialisation and shuffling: the same corpus, settings and seed give the same model.
    public var seed: UInt64 = 20_260_101

    /// The defaults.
    public init() {}

    /// Checks every setting, naming the first that is out of range.
    public func validate() throws(ClassificationError) {
        guard (4...512).contains(dimension) else { throw .invalidArgument(name: "dimension", reason: "must be 4…512, got \(dimension)") }
        guard (1...1_000).contains(epochs) else { throw .invalidArgument(name: "epochs", reason: "must be 1…1000, got \(epochs)") }
        guard learningRate > 0, learningRate <= 10 else {
            throw .invalidArgument(name: "learning rate", reason: "must be in (0, 10], got \(learningRate)")
        }
        guard (1...20).contains(productTermRepeats) else {
            throw .invalidArgument(name: "product-term repeats", reason: "must be 1…20, got \(productTermRepeats)")
        }
        guard (1...1_000).contains(siblingEpochs) else { throw .invalidArgument(name: "sibling epochs", reason: "must be 1…1000, got \(siblingEpochs)") }
        guard siblingLearningRate > 0, siblingLearningRate <= 100 else {
            throw .invalidArgument(name: "sibling learning rate", reason: "must be in (0, 100], got \(siblingLearningRate)")
        }
        guard (1...64).contains(threads) else { throw .invalidArgument(name: "threads", reason: "must be 1…64, got \(threads)") }
        _ = try FeatureExtractor(buckets: buckets, minN: minN, maxN: maxN, wordBigrams: wordBigrams)
    }
}
