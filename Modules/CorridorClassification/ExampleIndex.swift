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
    /// For each term, the examples holding it with its BM25 contribution.
    private let postings: BM25Postings
    private let leafCount: Int

    /// Builds the index from examples given as (leaf, term ids), over `termCount` terms and `leafCount` leaves.
    init(leaves: [Int32], documents: [[(term: Int32, frequency: Float)]], termCount: Int, leafCount: Int) {
        self.leaves = leaves
        self.documents = documents
        self.leafCount = leafCount
        postings = BM25Postings(documents: documents, termCount: termCount, counted: documents.count)
    }

    /// The scores of one query.
    struct Scores {
        /// The best leaves (by their best example), best first.
        let best: [(leaf: Int, score: Float)]
        /// Each leaf's best example score.
        let byLeaf: [Float]
    }

    /// Scores every example against the query term ids and returns the `count` best leaves. Terms
    /// found in more than a tenth of the examples are left out.
    func search(_ ids: [Int32], count: Int) -> Scores {
        var scores = [Float](repeating: 0, count: documents.count)
        var leafBest = [Float](repeating: 0, count: leafCount)
        var touchedLeaves: [Int32] = []
        for example in postings.accumulate(ids, into: &scores, common: max(documents.count / 10, 1)) {
            let leaf = Int(leaves[Int(example)])
            guard leaf < leafCount else { continue }
            let value = scores[Int(example)]
            if leafBest[leaf] == 0 { touchedLeaves.append(Int32(leaf)) }
            if value > leafBest[leaf] { leafBest[leaf] = value }
        }
        return Scores(best: RetrievalIndex.best(count, of: touchedLeaves, scores: leafBest), byLeaf: leafBest)
    }

    /// A leaf's best example score in `scores`.
    func best(leaf: Int, in scores: Scores) -> Float {
        leaf < scores.byLeaf.count ? scores.byLeaf[leaf] : 0
    }
}
