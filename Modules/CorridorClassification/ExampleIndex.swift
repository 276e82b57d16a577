import Foundation

/// BM25 over the individual training examples (nearest lines): a text's closest nomenclature lines or
/// traders' terms, and so the subheadings they belong to.
///
/// Where `RetrievalIndex` pools every example of a subheading into one document, this index keeps
/// them apart, so that one line that matches closely ("crash helmets", or a sibling HTS line with
/// the same ancestors) is not drowned by the many lines of its subheading that do not. A
/// subheading's score is the best score of its examples. Terms are the ids of `RetrievalIndex`.
struct ExampleIndex: Sendable {
    /// Each example's subheading (leaf index).
    let leaves: [Int32]
    /// Each example's (term id, frequency) pairs, sorted by term.
    let documents: [[(term: Int32, frequency: Float)]]
    /// For each term, the examples holding it with the term's whole BM25 contribution to each
    /// (idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · length / average))), computed once here.
    private let postings: [[(example: Int32, weight: Float)]]
    private let examplesOfLeaf: [[Int32]]

    /// Builds the index from examples given as (leaf, term ids), over `termCount` terms and `leafCount` leaves.
    init(leaves: [Int32], documents: [[(term: Int32, frequency: Float)]], termCount: Int, leafCount: Int) {
        self.leaves = leaves
        self.documents = documents
        var postings = [[(example: Int32, frequency: Float)]](repeating: [], count: termCount)
        var lengths = [Float](repeating: 0, count: documents.count)
        var byLeaf = [[Int32]](repeating: [], count: leafCount)
        for (index, document) in documents.enumerated() {
            for entry in document where Int(entry.term) < termCount {
                postings[Int(entry.term)].append((Int32(index), entry.frequency))
                lengths[index] += entry.frequency
            }
            if Int(leaves[index]) < leafCount { byLeaf[Int(leaves[index])].append(Int32(index)) }
        }
        examplesOfLeaf = byLeaf
        let n = Float(max(documents.count, 1))
        let average = max(lengths.reduce(0, +) / n, 1)
        self.postings = postings.map { list in
            let df = Float(list.count)
            let idf = Foundation.log(1 + (n - df + 0.5) / (df + 0.5))
            return list.map { posting in
                let norm = RetrievalIndex.k1 * (1 - RetrievalIndex.b + RetrievalIndex.b * lengths[Int(posting.example)] / average)
                return (posting.example, idf * posting.frequency * (RetrievalIndex.k1 + 1) / (posting.frequency + norm))
            }
        }
    }

    /// The scores of one query.
    struct Scores {
        /// By example; zero where no term matched.
        let byExample: [Float]
        /// The best leaves (by their best example), best first.
        let best: [(leaf: Int, score: Float)]
        /// Each leaf's best example score.
        let byLeaf: [Float]
    }

    /// Scores every example against the query term ids and returns the `count` best leaves.
    ///
    /// Terms found in more than a tenth of the examples ("of", "other", "and") are left out: they
    /// visit thousands of examples for a small, nearly even share of every score.
    func search(_ ids: [Int32], count: Int) -> Scores {
        var scores = [Float](repeating: 0, count: documents.count)
        var leafBest = [Float](repeating: 0, count: examplesOfLeaf.count)
        var touchedLeaves: [Int32] = []
        let common = max(documents.count / 10, 1)
        var touchedExamples: [Int32] = []
        scores.withUnsafeMutableBufferPointer { score in
            for id in ids where Int(id) < postings.count && postings[Int(id)].count <= common {
                for posting in postings[Int(id)] {
                    let example = Int(posting.example)
                    // Every contribution is positive, so a zero score means a first visit.
                    if score[example] == 0 { touchedExamples.append(posting.example) }
                    score[example] += posting.weight
                }
            }
            for example in touchedExamples {
                let leaf = Int(leaves[Int(example)])
                let value = score[Int(example)]
                if leafBest[leaf] == 0 { touchedLeaves.append(Int32(leaf)) }
                if value > leafBest[leaf] { leafBest[leaf] = value }
            }
        }
        let best = RetrievalIndex.best(count, of: touchedLeaves, scores: leafBest)
        return Scores(byExample: scores, best: best, byLeaf: leafBest)
    }

    /// A leaf's best example score in `scores`.
    func best(leaf: Int, in scores: Scores) -> Float {
        leaf < scores.byLeaf.count ? scores.byLeaf[leaf] : 0
    }
}
