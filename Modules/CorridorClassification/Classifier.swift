import CorridorModel
import Foundation

/// Proposes HS 2022 subheadings for product text (English or Chinese), with calibrated confidence,
/// an explanation and, when the leading candidates are close, a question that separates them.
///
/// The score of a subheading combines three views of the text:
/// - the learned tree-softmax model (`TreeSoftmaxModel`): hashed words, bigrams and character
///   n-grams, averaged and passed down the HS hierarchy;
/// - BM25 retrieval over each subheading's nomenclature text and traders' terms (`RetrievalIndex`);
/// - BM25 over the individual training examples, the nearest lines (`ExampleIndex`);
/// - a sparse linear model over words and word pairs that tells sibling subheadings apart
///   (`SiblingDiscriminator`).
///
/// The combined score is
/// `log P_model + w · BM25 / best + v · BM25(best example) / best + u · log P_siblings`, turned into
/// probabilities by a softmax at temperature `T`; `w`, `v`, `u` and `T` are fitted on the
/// development split (see `Calibration`).
public struct Classifier: Sendable {
    /// Texts longer than this many characters are cut, with a warning.
    public static let maximumTextLength = 10_000
    /// The most candidates a caller may ask for.
    public static let maximumK = 50
    /// How many subheadings each view proposes. Ten from each view (their union is scored by all
    /// four) gave the same top-1 as twenty on the development split, a better top-5, and 25% more
    /// predictions a second.
    static let candidateDepth = 10

    let model: TreeSoftmaxModel
    let retrieval: RetrievalIndex
    let nearest: ExampleIndex
    let siblings: SiblingDiscriminator
    /// Up to eight training texts per leaf, for explanations.
    let examples: [[String]]
    /// Traders' words → nomenclature words, and noise words, applied to every text before it is scored.
    public let vocabulary: ProductVocabulary
    /// The training settings.
    public let hyperparameters: Hyperparameters
    /// How scores become probabilities.
    public internal(set) var calibration: Calibration
    /// What the corpus builder produced.
    public let statistics: CorpusStatistics
    /// Accuracy and calibration on the development split, measured after calibration.
    public internal(set) var development: EvaluationReport?

    /// The labels and their hierarchy.
    public var tree: LabelTree { model.tree }

    init(model: TreeSoftmaxModel, retrieval: RetrievalIndex, nearest: ExampleIndex, siblings: SiblingDiscriminator, examples: [[String]],
         vocabulary: ProductVocabulary, hyperparameters: Hyperparameters, calibration: Calibration, statistics: CorpusStatistics,
         development: EvaluationReport?) {
        self.model = model
        self.retrieval = retrieval
        self.nearest = nearest
        self.siblings = siblings
        self.examples = examples
        self.vocabulary = vocabulary
        self.hyperparameters = hyperparameters
        self.calibration = calibration
        self.statistics = statistics
        self.development = development
    }

    // MARK: - Training

    /// Trains a classifier on the corpus's training split, then fits the retrieval weight and the
    /// temperature on its development split and measures it there.
    ///
    /// - Parameter vocabulary: the product vocabulary to apply to texts; nil takes the shipped one.
    public static func train(corpus: TrainingCorpus, hyperparameters: Hyperparameters = Hyperparameters(),
                             vocabulary: ProductVocabulary? = nil,
                             progress: (@Sendable (TrainingProgress) -> Void)? = nil) throws(ClassificationError) -> Classifier {
        try hyperparameters.validate()
        let words: ProductVocabulary
        if let vocabulary { words = vocabulary } else { words = try ProductVocabulary.bundled() }
        let extractor = try FeatureExtractor(buckets: hyperparameters.buckets, minN: hyperparameters.minN,
                                             maxN: hyperparameters.maxN, wordBigrams: hyperparameters.wordBigrams)
        let training = corpus.training
        let items = ClassifierTrainer.items(training, tree: corpus.tree, extractor: extractor,
                                            productTermRepeats: hyperparameters.productTermRepeats)
        guard !items.isEmpty else { throw .insufficientCorpus("no training example has a label in the tree") }
        let model = ClassifierTrainer(hyperparameters: hyperparameters).train(tree: corpus.tree, extractor: extractor,
                                                                               items: items, progress: progress)
        var siblingItems: [(keys: [UInt64], leaf: Int)] = []
        for example in training {
            guard let leaf = corpus.tree.leafIndex(example.hs6) else { continue }
            let keys = SiblingDiscriminator.keys(TextNormalizer.tokens(example.text))
            let repeats = example.source == .searchReference || example.source == .ruling ? hyperparameters.productTermRepeats : 1
            for _ in 0..<repeats { siblingItems.append((keys, leaf)) }
        }
        let siblings = SiblingDiscriminator.train(items: siblingItems, layout: model.layout, epochs: hyperparameters.siblingEpochs,
                                                  learningRate: Float(hyperparameters.siblingLearningRate), threads: hyperparameters.threads,
                                                  seed: hyperparameters.seed)
        var stems: [Int: [String]] = [:]
        var texts = [[TrainingExample]](repeating: [], count: corpus.tree.leaves.count)
        for example in training {
            guard let leaf = corpus.tree.leafIndex(example.hs6) else { continue }
            stems[leaf, default: []].append(contentsOf: Self.stems(TextNormalizer.tokens(example.text)))
            texts[leaf].append(example)
        }
        let retrieval = RetrievalIndex(leafCount: corpus.tree.leaves.count, leafStems: stems)
        var exampleLeaves: [Int32] = []
        var exampleDocuments: [[(term: Int32, frequency: Float)]] = []
        for example in training {
            guard let leaf = corpus.tree.leafIndex(example.hs6) else { continue }
            var counts: [Int32: Float] = [:]
            for stem in Self.stems(TextNormalizer.tokens(example.text)) {
                if let id = retrieval.id(stem) { counts[id, default: 0] += 1 }
            }
            exampleLeaves.append(Int32(leaf))
            exampleDocuments.append(counts.sorted { $0.key < $1.key }.map { (term: $0.key, frequency: $0.value) })
        }
        let nearest = ExampleIndex(leaves: exampleLeaves, documents: exampleDocuments, termCount: retrieval.terms.count,
                                   leafCount: corpus.tree.leaves.count)
        let examples = texts.map { list in
            list.sorted { a, b in
                let ap = a.source == .searchReference || a.source == .ruling
                let bp = b.source == .searchReference || b.source == .ruling
                if ap != bp { return ap }
                return (a.text.count, a.text) < (b.text.count, b.text)
            }.prefix(8).map { String($0.text.prefix(300)) }
        }
        var classifier = Classifier(model: model, retrieval: retrieval, nearest: nearest, siblings: siblings, examples: examples, vocabulary: words, hyperparameters: hyperparameters,
                                    calibration: Calibration(retrievalWeight: 0, temperature: 1), statistics: corpus.statistics,
                                    development: nil)
        let development = corpus.development.map { (text: $0.text, hs6: $0.hs6) }
        classifier.calibration = classifier.fitCalibration(development)
        classifier.development = classifier.evaluate(development)
        return classifier
    }

    /// Chooses the retrieval, nearest-example and sibling weights with the best top-1 accuracy on
    /// `items` (among those within 0.2% of it, the best top-5), then the temperature with the least
    /// negative log-likelihood.
    func fitCalibration(_ items: [(text: String, hs6: String)]) -> Calibration {
        let scored: [(candidates: [Candidate], truth: Int?)] = items.map { item in
            (candidates(prepare(item.text).tokens), tree.leafIndex(item.hs6))
        }
        guard !scored.isEmpty else { return Calibration(retrievalWeight: 0, temperature: 1) }
        // Each setting's top-1 and top-5 counts: the truth's rank is the number of candidates scoring above it.
        var results: [(weights: (retrieval: Double, example: Double, sibling: Double), top1: Int, top5: Int)] = []
        for weight in [0.0, 1, 2, 4, 8, 12, 16] {
            for exampleWeight in [0.0, 2, 4, 8, 12, 16, 24, 32] {
                for siblingWeight in [0.0, 0.5, 1, 2, 3, 4, 6, 8] {
                    var top1 = 0, top5 = 0
                    for (candidates, truth) in scored {
                        guard let truth, let right = candidates.first(where: { $0.leaf == truth }) else { continue }
                        func score(_ c: Candidate) -> Double {
                            Double(c.logProbability) + weight * Double(c.retrieval) + exampleWeight * Double(c.example) + siblingWeight * Double(c.sibling)
                        }
                        let target = score(right)
                        var above = 0
                        for candidate in candidates where candidate.leaf != truth && score(candidate) >= target { above += 1 }
                        if above == 0 { top1 += 1 }
                        if above < 5 { top5 += 1 }
                    }
                    results.append(((weight, exampleWeight, siblingWeight), top1, top5))
                }
            }
        }
        // Top-1 first; among the settings within 0.2% of the best top-1, the best top-5.
        let bestTop1 = results.map(\.top1).max() ?? 0
        let tolerance = max(1, scored.count / 500)
        let chosen = results.filter { $0.top1 >= bestTop1 - tolerance }
            .max { ($0.top5, $0.top1) < ($1.top5, $1.top1) }
        let best = chosen?.weights ?? (retrieval: 0, example: 0, sibling: 0)
        func negativeLogLikelihood(_ temperature: Double) -> Double {
            var total = 0.0
            for (candidates, truth) in scored {
                let logits = candidates.map {
                    (Double($0.logProbability) + best.retrieval * Double($0.retrieval) + best.example * Double($0.example)
                        + best.sibling * Double($0.sibling)) / temperature
                }
                let top = logits.max() ?? 0
                let logSum = top + Foundation.log(logits.reduce(0) { $0 + Foundation.exp($1 - top) })
                if let truth, let i = candidates.firstIndex(where: { $0.leaf == truth }) {
                    total -= logits[i] - logSum
                } else {
                    // The right subheading is outside the candidates: the answer put nearly nothing on it.
                    total -= Foundation.log(1e-4)
                }
            }
            return total
        }
        // Golden-section search on log T in [log 0.05, log 20].
        var low = Foundation.log(0.05)
        var high = Foundation.log(20.0)
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<40 {
            let a = high - ratio * (high - low)
            let b = low + ratio * (high - low)
            if negativeLogLikelihood(Foundation.exp(a)) < negativeLogLikelihood(Foundation.exp(b)) { high = b } else { low = a }
        }
        return Calibration(retrievalWeight: best.retrieval, exampleWeight: best.example, siblingWeight: best.sibling,
                           temperature: Foundation.exp((low + high) / 2))
    }

    // MARK: - Prediction

    /// A candidate subheading with both of its scores.
    struct Candidate: Sendable {
        let leaf: Int
        let logProbability: Float
        /// BM25 relative to the best BM25 of the query, 0…1.
        let retrieval: Float
        /// The best training example's BM25 relative to the query's best example, 0…1.
        let example: Float
        /// The sibling discriminator's log-probability of the subheading within its heading.
        let sibling: Float

        init(leaf: Int, logProbability: Float, retrieval: Float, example: Float = 0, sibling: Float = 0) {
            self.leaf = leaf
            self.logProbability = logProbability
            self.retrieval = retrieval
            self.example = example
            self.sibling = sibling
        }
    }

    static func stems(_ tokens: [TextNormalizer.Token]) -> [String] {
        tokens.filter { !$0.text.allSatisfy(\.isNumber) }.map(\.stem)
    }

    /// Words that open a title's trailing clause ("case for iPhone", "earbuds with charging case"):
    /// what follows describes what the goods fit or come with, not the goods.
    static let clauseOpeners: Set<String> = ["for", "with", "compatible", "fits", "fit", "including", "includes"]

    /// The text as it is scored (at most `maximumTextLength` characters read):
    /// - words cut short are completed in place from the index ("t-shi" reads "t-shirt");
    /// - noise words (colours, sizes, marketing) are dropped and product-vocabulary phrases add their
    ///   nomenclature words, except in a title's trailing "for …"/"with …" clause (what the goods fit
    ///   or come with: "case for iPhone" is a case, and must not be expanded into telephones).
    /// Counting a title's last words twice (English titles end with the goods' name) was tried and
    /// cost 1.1 points of top-1 on the development split with no visible gain on listings; it is not done.
    /// Also returns the vocabulary phrases matched.
    func prepare(_ text: String) -> (tokens: [TextNormalizer.Token], matched: [String]) {
        let input = text.count > Self.maximumTextLength ? String(text.prefix(Self.maximumTextLength)) : text
        // The title is the first sentence; a category path or attributes follow it (see ProductText).
        var title = input
        var rest = ""
        for separator in [". ", "; ", " | ", "\n"] {
            if let range = title.range(of: separator) {
                rest = String(title[range.upperBound...]) + " " + rest
                title = String(title[..<range.lowerBound])
            }
        }
        var main = complete(TextNormalizer.tokens(title))
        var context: [TextNormalizer.Token] = []
        if let cut = main.firstIndex(where: { Self.clauseOpeners.contains($0.text) }), cut > 0 {
            context = Array(main[cut...]).filter { !vocabulary.noise.contains($0.stem) }
            main = Array(main[..<cut])
        }
        let expandedMain = vocabulary.apply(main)
        let expandedRest = vocabulary.apply(complete(TextNormalizer.tokens(rest)))
        let tokens = expandedMain.tokens + context + expandedRest.tokens
        return (tokens, expandedMain.matched + expandedRest.matched.filter { !expandedMain.matched.contains($0) })
    }

    /// Tokens with words cut short (not in the index, three letters or more) replaced by the most
    /// frequent indexed word they begin.
    func complete(_ tokens: [TextNormalizer.Token]) -> [TextNormalizer.Token] {
        tokens.map { token in
            guard !token.isHan, token.stem.count >= 3, !token.text.contains(where: \.isNumber), !retrieval.contains(token.stem),
                  !vocabulary.noise.contains(token.stem), !vocabulary.expansions.keys.contains(token.stem),
                  let completed = retrieval.completion(of: token.stem) else { return token }
            return TextNormalizer.Token(text: completed, stem: completed, isHan: false)
        }
    }

    /// The union of the best subheadings of the model, of subheading retrieval and of the nearest
    /// examples, each scored by all four views.
    func candidates(_ tokens: [TextNormalizer.Token], depth: Int = Self.candidateDepth) -> [Candidate] {
        let hidden = model.hidden(model.extractor.features(tokens))
        let stems = Self.stems(tokens)
        let learned = model.topLeaves(hidden: hidden, count: depth)
        let ids = retrieval.ids(stems)
        let (retrieved, retrievalScores) = retrieval.search(ids, count: depth)
        let neighbours = nearest.search(ids, count: depth)
        let best = retrieved.first?.score ?? 0
        let bestExample = neighbours.best.first?.score ?? 0
        var leaves: [Int] = learned.map(\.leaf)
        for (leaf, _) in retrieved where !leaves.contains(leaf) { leaves.append(leaf) }
        for (leaf, _) in neighbours.best where !leaves.contains(leaf) { leaves.append(leaf) }
        var scorer = TreeSoftmaxModel.PathScorer(model: model, hidden: hidden)
        let keys = SiblingDiscriminator.keys(tokens)
        var local: [Int: [Float]] = [:]  // first sibling → log P(· | heading)
        var out: [Candidate] = []
        out.reserveCapacity(leaves.count)
        for leaf in leaves {
            let lp = learned.first { $0.leaf == leaf }?.logProbability ?? scorer.logProbability(leaf: leaf)
            let r = best > 0 ? retrievalScores[leaf] / best : 0
            let e = bestExample > 0 ? nearest.best(leaf: leaf, in: neighbours) / bestExample : 0
            let family = siblings.siblings(of: leaf)
            let distribution = local[family.lowerBound] ?? siblings.logProbabilities(keys: keys, leaves: family)
            local[family.lowerBound] = distribution
            out.append(Candidate(leaf: leaf, logProbability: lp, retrieval: r, example: e, sibling: distribution[leaf - family.lowerBound]))
        }
        return out.sorted { $0.leaf < $1.leaf }
    }

    /// Calibrated probabilities of the candidates, best first.
    func ranked(_ candidates: [Candidate]) -> [(candidate: Candidate, probability: Double)] {
        let w = calibration.retrievalWeight
        let v = calibration.exampleWeight
        let u = calibration.siblingWeight
        let t = calibration.temperature
        let logits = candidates.map { (Double($0.logProbability) + w * Double($0.retrieval) + v * Double($0.example) + u * Double($0.sibling)) / t }
        let top = logits.max() ?? 0
        let weights = logits.map { Foundation.exp($0 - top) }
        let sum = weights.reduce(0, +)
        return zip(candidates, weights).map { ($0, sum > 0 ? $1 / sum : 0) }
            .sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0.leaf < $1.0.leaf) }
    }

    /// Classifies one product text.
    ///
    /// - Parameters:
    ///   - text: a product title or description, English or Chinese; attributes such as material or a
    ///     category path may simply be appended.
    ///   - k: how many candidates to return, 1…50.
    /// - Throws: `ClassificationError.emptyText` for empty or whitespace-only text.
    public func classify(_ text: String, k: Int = 5) throws(ClassificationError) -> ClassificationResult {
        let (tokens, matched) = try checkedTokens(text, k: k)
        var warnings: [String] = []
        if text.count > Self.maximumTextLength {
            warnings.append("the text has \(text.count) characters; only the first \(Self.maximumTextLength) were read")
        }
        let ranked = ranked(candidates(tokens, depth: max(Self.candidateDepth, k)))
        let predictions = ranked.prefix(k).map { prediction(leaf: $0.candidate.leaf, probability: $0.probability) }
        let explanation = ranked.first.map { explain($0.candidate, stems: Self.stems(tokens), phrases: matched) }
        let question = ranked.count >= 2 ? Self.question(tree: tree, ranked[0], ranked[1]) : nil
        return ClassificationResult(predictions: predictions, confidence: predictions.first?.score ?? 0,
                                    explanation: explanation, question: question, warnings: warnings)
    }

    /// The `k` best candidates only, without explanation or question: the batch path.
    public func predict(_ text: String, k: Int = 5) throws(ClassificationError) -> [Prediction] {
        let tokens = try checkedTokens(text, k: k).tokens
        return ranked(candidates(tokens, depth: max(Self.candidateDepth, k))).prefix(k).map { prediction(leaf: $0.candidate.leaf, probability: $0.probability) }
    }

    /// The prepared tokens of `text`, after the checks `classify` and `predict` share.
    private func checkedTokens(_ text: String, k: Int) throws(ClassificationError) -> (tokens: [TextNormalizer.Token], matched: [String]) {
        guard (1...Self.maximumK).contains(k) else {
            throw .invalidArgument(name: "k", reason: "must be between 1 and \(Self.maximumK), got \(k)")
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw .emptyText }
        let prepared = prepare(text)
        guard !prepared.tokens.isEmpty else {
            throw .invalidArgument(name: "text", reason: "'\(text.prefix(80))' has no letters, digits or Chinese characters to classify")
        }
        return prepared
    }

    func prediction(leaf: Int, probability: Double) -> Prediction {
        let code = tree.leaves[leaf]
        let heading = String(code.prefix(4))
        let chapter = String(code.prefix(2))
        return Prediction(hs6: code, score: (probability * 10_000).rounded() / 10_000, description: tree.describe(code),
                          heading: heading, headingDescription: tree.describe(heading),
                          chapter: chapter, chapterDescription: tree.describe(chapter))
    }

    func explain(_ candidate: Candidate, stems: [String], phrases: [String]) -> Explanation {
        let code = tree.leaves[candidate.leaf]
        let lines = [String(code.prefix(2)), String(code.prefix(4)), code].map {
            Explanation.Line(code: $0, description: tree.describe($0))
        }
        let documentTerms = Set(retrieval.documents[candidate.leaf].compactMap { entry in
            Int(entry.term) < retrieval.terms.count ? retrieval.terms[Int(entry.term)] : nil
        })
        var matched: [String] = []
        for stem in stems where documentTerms.contains(stem) && !matched.contains(stem) { matched.append(stem) }
        let query = Set(stems)
        let supporting = examples[candidate.leaf].enumerated().map { index, text in
            (index, text, Set(Self.stems(TextNormalizer.tokens(text))).intersection(query).count)
        }.sorted { ($1.2, $0.0) < ($0.2, $1.0) }.prefix(3).map(\.1)
        return Explanation(nomenclature: lines, examples: Array(supporting), matchedTerms: matched, vocabulary: phrases,
                           modelLogProbability: Double(candidate.logProbability),
                           retrievalScore: (Double(candidate.retrieval) * 1_000).rounded() / 1_000,
                           nearestExampleScore: (Double(candidate.example) * 1_000).rounded() / 1_000)
    }

    /// A question telling the first two candidates apart when the second has at least half the first's
    /// probability and the first is below 0.8.
    static func question(tree: LabelTree, _ first: (candidate: Candidate, probability: Double),
                         _ second: (candidate: Candidate, probability: Double)) -> ClarifyingQuestion? {
        guard first.probability < 0.8, second.probability >= first.probability / 2 else { return nil }
        let a = tree.leaves[first.candidate.leaf]
        let b = tree.leaves[second.candidate.leaf]
        func clauses(_ code: String) -> [String] {
            var text = tree.describe(code)
            if String(a.prefix(4)) != String(b.prefix(4)) { text = tree.describe(String(code.prefix(4))) + "; " + text }
            return text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == ":" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let ca = clauses(a)
        let cb = clauses(b)
        let keyA = Set(ca.map { TextNormalizer.normalize($0) })
        let keyB = Set(cb.map { TextNormalizer.normalize($0) })
        var onlyA = ca.filter { !keyB.contains(TextNormalizer.normalize($0)) }
        var onlyB = cb.filter { !keyA.contains(TextNormalizer.normalize($0)) }
        var seenA = Set<String>()
        var seenB = Set<String>()
        onlyA = onlyA.filter { seenA.insert(TextNormalizer.normalize($0)).inserted }
        onlyB = onlyB.filter { seenB.insert(TextNormalizer.normalize($0)).inserted }
        guard !onlyA.isEmpty || !onlyB.isEmpty else { return nil }
        let wordingA = onlyA.isEmpty ? "not " + onlyB.joined(separator: ", ") : onlyA.joined(separator: ", ")
        let wordingB = onlyB.isEmpty ? "not " + onlyA.joined(separator: ", ") : onlyB.joined(separator: ", ")
        return ClarifyingQuestion(text: "Is it \(wordingA), or \(wordingB)?",
                                  options: [.init(wording: wordingA, hs6: a), .init(wording: wordingB, hs6: b)])
    }

    // MARK: - Evaluation

    /// Top-1 and top-5 accuracy at 2, 4 and 6 digits and the calibration error on labelled items.
    /// At 2 and 4 digits the candidates' probabilities are summed per chapter or heading before ranking.
    public func evaluate(_ items: [(text: String, hs6: String)]) -> EvaluationReport {
        var hits = [Int: (top1: Int, top5: Int)]()
        var pairs: [(confidence: Double, correct: Bool)] = []
        var scoredCount = 0
        for item in items {
            let tokens = prepare(item.text).tokens
            guard !tokens.isEmpty else { continue }
            scoredCount += 1
            let ranked = ranked(candidates(tokens))
            for digits in [2, 4, 6] {
                var mass: [String: Double] = [:]
                for (candidate, probability) in ranked {
                    mass[String(tree.leaves[candidate.leaf].prefix(digits)), default: 0] += probability
                }
                let order = mass.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
                let truth = String(item.hs6.prefix(digits))
                var entry = hits[digits] ?? (0, 0)
                if order.first == truth { entry.top1 += 1 }
                if order.prefix(5).contains(truth) { entry.top5 += 1 }
                hits[digits] = entry
            }
            if let first = ranked.first {
                pairs.append((first.probability, tree.leaves[first.candidate.leaf] == item.hs6))
            }
        }
        let n = Double(max(scoredCount, 1))
        let levels = [2, 4, 6].map { digits in
            EvaluationReport.Level(digits: digits, top1: Double(hits[digits]?.top1 ?? 0) / n, top5: Double(hits[digits]?.top5 ?? 0) / n)
        }
        return EvaluationReport(count: scoredCount, levels: levels,
                                expectedCalibrationError: EvaluationReport.expectedCalibrationError(pairs),
                                meanConfidence: pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.confidence } / Double(pairs.count))
    }
}
