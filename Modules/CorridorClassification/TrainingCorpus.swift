public import Foundation

/// The labelled examples, the label tree and the builder's statistics.
public struct TrainingCorpus: Sendable {
    /// The labels and their hierarchy.
    public let tree: LabelTree
    /// Every example, in build order (deterministic).
    public let examples: [TrainingExample]
    /// What was read, kept, mapped and dropped.
    public let statistics: CorpusStatistics

    /// Creates a corpus.
    public init(tree: LabelTree, examples: [TrainingExample], statistics: CorpusStatistics) {
        self.tree = tree
        self.examples = examples
        self.statistics = statistics
    }

    /// The training split.
    public var training: [TrainingExample] { examples.filter { !$0.isDev } }
    /// The development split.
    public var development: [TrainingExample] { examples.filter(\.isDev) }

    /// The corpus cut to the subheadings of `chapters` (two-digit codes): a smaller model for a seller
    /// who trades in a few chapters, and a training set small enough for debug-build tests.
    public func restricted(toChapters chapters: Set<String>) throws(ClassificationError) -> TrainingCorpus {
        for chapter in chapters where chapter.count != 2 || !chapter.allSatisfy(\.isASCIIDigit) {
            throw .invalidArgument(name: "chapters", reason: "'\(chapter)' is not a two-digit HS chapter")
        }
        let leaves = tree.leaves.filter { chapters.contains(String($0.prefix(2))) }
        let unknown = chapters.filter { chapter in !leaves.contains { $0.hasPrefix(chapter) } }
        guard unknown.isEmpty else {
            throw .invalidArgument(name: "chapters", reason: "HS 2022 has no subheading in chapter(s) \(unknown.sorted().joined(separator: ", "))")
        }
        let subtree = try LabelTree(leaves: leaves, descriptions: tree.descriptions)
        let kept = examples.filter { chapters.contains(String($0.hs6.prefix(2))) }
        var statistics = statistics
        statistics.chapters = chapters.sorted()
        statistics.labels = subtree.leaves.count
        statistics.labelsWithExamples = Set(kept.lazy.filter { !$0.isDev }.map(\.hs6)).count
        for source in CorpusSource.allCases {
            statistics.sources[source]?.kept = kept.filter { $0.source == source }.count
            statistics.sources[source]?.dev = kept.filter { $0.source == source && $0.isDev }.count
        }
        return TrainingCorpus(tree: subtree, examples: kept, statistics: statistics)
    }

    /// Writes `train.txt` and `dev.txt` in fastText's format (`__label__610910 normalised text`), and
    /// `train.jsonl` and `dev.jsonl` (`{"id","text","hs6","source"}`), so that peers train and are scored
    /// on exactly this corpus.
    public func export(to directory: URL) throws(ClassificationError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, split) in [("train", training), ("dev", development)] {
                var fasttext = ""
                var jsonl = ""
                for (i, example) in split.enumerated() {
                    fasttext += "__label__\(example.hs6) \(TextNormalizer.normalize(example.text))\n"
                    let line: [String: String] = ["id": "\(name)-\(i + 1)", "text": example.text, "hs6": example.hs6,
                                                  "source": example.source.rawValue]
                    let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
                    jsonl += String(decoding: data, as: UTF8.self) + "\n"
                }
                try Data(fasttext.utf8).write(to: directory.appendingPathComponent("\(name).txt"), options: .atomic)
                try Data(jsonl.utf8).write(to: directory.appendingPathComponent("\(name).jsonl"), options: .atomic)
            }
        } catch {
            throw .unwritableExport(path: directory.path, reason: error.localizedDescription)
        }
    }
}
