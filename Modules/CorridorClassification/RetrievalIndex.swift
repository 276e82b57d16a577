import Foundation

/// BM25 over one document per HS subheading: the words of its training examples (nomenclature text
/// and traders' terms). It complements the learned model where a product word appears in the
/// nomenclature but too rarely for the embeddings to learn it.
struct RetrievalIndex: Sendable {
    /// Stems, indexed by term id.
    let terms: [String]
    /// For each leaf: (term id, frequency) pairs.
    let documents: [[(term: Int32, frequency: Float)]]
    private let termIDs: [String: Int32]
    /// For each term, the leaves holding it with its BM25 contribution.
    private let postings: BM25Postings
    /// Terms sorted, with their document frequency, for completing truncated words.
    private let sortedTerms: [(term: String, frequency: Int)]

    /// Builds the index from per-leaf token lists.
    init(leafCount: Int, leafStems: [Int: [String]]) {
        var ids: [String: Int32] = [:]
        var terms: [String] = []
        var documents = [[(term: Int32, frequency: Float)]](repeating: [], count: leafCount)
        for leaf in leafStems.keys.sorted() {
            var counts: [Int32: Float] = [:]
            for stem in leafStems[leaf] ?? [] {
                let id: Int32
                if let known = ids[stem] { id = known } else {
                    id = Int32(terms.count)
                    ids[stem] = id
                    terms.append(stem)
                }
                counts[id, default: 0] += 1
            }
            documents[leaf] = counts.sorted { $0.key < $1.key }.map { (term: $0.key, frequency: $0.value) }
        }
        self.init(terms: terms, documents: documents)
    }

    /// Rebuilds the lookup structures from stored terms and documents (model-file load).
    init(terms: [String], documents: [[(term: Int32, frequency: Float)]]) {
        self.terms = terms
        self.documents = documents
        termIDs = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, Int32($0)) })
        let postings = BM25Postings(documents: documents, termCount: terms.count, counted: documents.filter { !$0.isEmpty }.count)
        self.postings = postings
        sortedTerms = terms.enumerated().map { ($1, postings.lists[$0].count) }.sorted { $0.term < $1.term }
    }

    /// The term id of `stem`, if indexed.
    func id(_ stem: String) -> Int32? { termIDs[stem] }

    /// The distinct term ids of the stems, in order of first appearance.
    func ids(_ stems: [String]) -> [Int32] {
        var ids: [Int32] = []
        for stem in stems {
            if let id = termIDs[stem], !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Whether the index knows `stem`.
    func contains(_ stem: String) -> Bool { termIDs[stem] != nil }

    /// The most frequent indexed term that starts with `prefix` (a word cut short, as on parcel labels:
    /// "headph" → "headphone"), or nil.
    func completion(of prefix: String) -> String? {
        var low = 0
        var high = sortedTerms.count
        while low < high {
            let mid = (low + high) / 2
            if sortedTerms[mid].term < prefix { low = mid + 1 } else { high = mid }
        }
        var best: (term: String, frequency: Int)?
        var index = low
        while index < sortedTerms.count, sortedTerms[index].term.hasPrefix(prefix) {
            if best == nil || sortedTerms[index].frequency > best?.frequency ?? 0 { best = sortedTerms[index] }
            index += 1
        }
        return best?.term
    }

    /// BM25 scores of every leaf for the query term ids (each counted once, as `ids(_:)` gives them),
    /// and the `count` best leaves. Terms held by more than a tenth of the subheadings are left out.
    func search(_ ids: [Int32], count: Int) -> (best: [(leaf: Int, score: Float)], byLeaf: [Float]) {
        var scores = [Float](repeating: 0, count: documents.count)
        guard !ids.isEmpty, count > 0 else { return ([], scores) }
        let touched = postings.accumulate(ids, into: &scores, common: max(documents.count / 10, 1))
        return (Self.best(count, of: touched, scores: scores), scores)
    }

    /// The `count` highest of `scores` at the `touched` leaves, best first (ties: the lower leaf first),
    /// kept in a small sorted array: the candidates are few, the touched leaves many.
    static func best(_ count: Int, of touched: [Int32], scores: [Float]) -> [(leaf: Int, score: Float)] {
        var best: [(leaf: Int, score: Float)] = []
        best.reserveCapacity(count + 1)
        for leaf in touched {
            let value = scores[Int(leaf)]
            if best.count == count, let last = best.last, value < last.score || (value == last.score && Int(leaf) > last.leaf) { continue }
            var position = best.count
            while position > 0, best[position - 1].score < value || (best[position - 1].score == value && best[position - 1].leaf > Int(leaf)) {
                position -= 1
            }
            best.insert((Int(leaf), value), at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
