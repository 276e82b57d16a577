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
    private let postings: [[(leaf: Int32, frequency: Float)]]
    private let inverseFrequency: [Float]
    private let lengthNorm: [Float]
    static let k1: Float = 1.2
    static let b: Float = 0.75

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
        var postings = [[(leaf: Int32, frequency: Float)]](repeating: [], count: terms.count)
        var lengths = [Float](repeating: 0, count: documents.count)
        for (leaf, document) in documents.enumerated() {
            for entry in document where Int(entry.term) < terms.count {
                postings[Int(entry.term)].append((Int32(leaf), entry.frequency))
                lengths[leaf] += entry.frequency
            }
        }
        self.postings = postings
        let n = Float(max(documents.filter { !$0.isEmpty }.count, 1))
        inverseFrequency = postings.map { list in
            let df = Float(list.count)
            return Foundation.log(1 + (n - df + 0.5) / (df + 0.5))
        }
        let average = max(lengths.reduce(0, +) / n, 1)
        lengthNorm = lengths.map { Self.k1 * (1 - Self.b + Self.b * $0 / average) }
    }

    /// BM25 scores of the `count` best leaves for the query stems (each distinct stem counted once).
    func search(_ stems: [String], count: Int) -> [(leaf: Int, score: Float)] {
        var seen = Set<Int32>()
        var scores: [Int32: Float] = [:]
        for stem in stems {
            guard let id = termIDs[stem], seen.insert(id).inserted else { continue }
            let idf = inverseFrequency[Int(id)]
            for posting in postings[Int(id)] {
                let tf = posting.frequency
                scores[posting.leaf, default: 0] += idf * tf * (Self.k1 + 1) / (tf + lengthNorm[Int(posting.leaf)])
            }
        }
        return scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(count).map { (Int($0.key), $0.value) }
    }

    /// The BM25 score of one leaf for the query stems.
    func score(_ stems: [String], leaf: Int) -> Float {
        guard leaf < documents.count else { return 0 }
        var seen = Set<Int32>()
        var total: Float = 0
        let document = documents[leaf]
        for stem in stems {
            guard let id = termIDs[stem], seen.insert(id).inserted else { continue }
            var low = 0
            var high = document.count
            while low < high {
                let mid = (low + high) / 2
                if document[mid].term < id { low = mid + 1 } else { high = mid }
            }
            guard low < document.count, document[low].term == id else { continue }
            let tf = document[low].frequency
            total += inverseFrequency[Int(id)] * tf * (Self.k1 + 1) / (tf + lengthNorm[leaf])
        }
        return total
    }
}
