import Foundation

/// Inverted lists whose postings carry their whole BM25 contribution, computed once when the index
/// is built: idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · length / average length)). The
/// subheading index (`RetrievalIndex`) and the example index (`ExampleIndex`) both score with it.
struct BM25Postings: Sendable {
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// For each term id, the documents holding it and the term's contribution to each.
    let lists: [[(document: Int32, weight: Float)]]

    /// Builds the lists from each document's (term id, frequency) pairs over `termCount` terms.
    /// `counted` is the number of documents the idf and the average length are taken over.
    init(documents: [[(term: Int32, frequency: Float)]], termCount: Int, counted: Int) {
        var raw = [[(document: Int32, frequency: Float)]](repeating: [], count: termCount)
        var lengths = [Float](repeating: 0, count: documents.count)
        for (index, document) in documents.enumerated() {
            for entry in document where Int(entry.term) < termCount {
                raw[Int(entry.term)].append((Int32(index), entry.frequency))
                lengths[index] += entry.frequency
            }
        }
        let n = Float(max(counted, 1))
        let average = max(lengths.reduce(0, +) / n, 1)
        let norm = lengths.map { Self.k1 * (1 - Self.b + Self.b * $0 / average) }
        lists = raw.map { list in
            let df = Float(list.count)
            let idf = Foundation.log(1 + (n - df + 0.5) / (df + 0.5))
            return list.map { ($0.document, idf * $0.frequency * (Self.k1 + 1) / ($0.frequency + norm[Int($0.document)])) }
        }
    }

    /// Adds the query terms' contributions to `scores` (indexed by document) and returns the
    /// documents touched, each once. Terms held by more than `common` documents ("of", "other") are
    /// left out: they visit thousands of documents for a small, nearly even share of every score.
    func accumulate(_ ids: [Int32], into scores: inout [Float], common: Int) -> [Int32] {
        var touched: [Int32] = []
        scores.withUnsafeMutableBufferPointer { score in
            for id in ids where Int(id) < lists.count && lists[Int(id)].count <= common {
                for posting in lists[Int(id)] {
                    let document = Int(posting.document)
                    // Every contribution is positive, so a zero score means a first visit.
                    if score[document] == 0 { touched.append(posting.document) }
                    score[document] += posting.weight
                }
            }
        }
        return touched
    }
}
