import CorridorModel
import Dispatch
import Foundation

/// A sparse linear model that tells apart the subheadings of one heading, from the text's words.
///
/// The tree-softmax model sees a text through one averaged 64-number vector, which is good at the
/// chapter and the heading but blurs the few words that separate sibling subheadings ("of cotton"
/// against "of synthetic fibres", "knitted" against "not knitted"). This model keeps every word and
/// word pair as its own feature, as a linear SVM over TF-IDF does, but only ever compares the
/// subheadings of one heading, so it stays small and fast: the weight of word `f` for subheading
/// `s` lives at `hash(f, s)` in one table of 2^`bits` floats (the hashing trick), and
/// `log P(s | heading)` is a softmax over the heading's subheadings.
struct SiblingDiscriminator: Sendable {
    /// log2 of the table size.
    let bits: Int
    /// The hashed weights.
    var weights: [Float]
    /// The tree's node layout (to find a subheading's siblings).
    let layout: LabelTree.Layout

    /// The default table: 2^22 floats (16 MB).
    static let defaultBits = 22
    /// The feature every text has: a per-subheading bias.
    private static let biasKey: UInt64 = 0x0B1A_5B1A_5B1A_5B1A

    init(bits: Int, weights: [Float], layout: LabelTree.Layout) {
        self.bits = bits
        self.weights = weights
        self.layout = layout
    }

    /// The features of a text: its stems and neighbouring stem pairs (digits-only tokens left out),
    /// each once, and the bias.
    static func keys(_ tokens: [TextNormalizer.Token]) -> [UInt64] {
        var keys: [UInt64] = [biasKey]
        var previous: UInt64?
        for token in tokens where !token.text.allSatisfy(\.isNumber) {
            let hash = FeatureExtractor.wordHash(token.stem)
            keys.append(hash)
            if let previous { keys.append(FeatureExtractor.mix(previous, hash)) }
            previous = hash
        }
        var seen = Set<UInt64>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// The table slot of word `key` for subheading `leaf`: the SplitMix64 finaliser, so that every
    /// bit of the leaf reaches the top bits kept.
    @inline(__always) static func slot(_ key: UInt64, leaf: Int, bits: Int) -> Int {
        var z = key ^ (UInt64(leaf) &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(truncatingIfNeeded: z >> UInt64(64 - bits))
    }

    /// The subheadings (leaf indexes) of `leaf`'s heading, `leaf` included.
    func siblings(of leaf: Int) -> Range<Int> {
        let heading = Int(layout.leafPath[leaf].heading)
        let start = Int(layout.childStart[heading])
        let first = Int(layout.children[start]) - layout.firstLeafNode
        return first..<(first + Int(layout.childCount[heading]))
    }

    /// `log P(s | heading)` for each subheading `s` of `leaves` (one heading's subheadings).
    func logProbabilities(keys: [UInt64], leaves: Range<Int>) -> [Float] {
        guard leaves.count > 1 else { return [0] }
        let scale = 1 / Float(keys.count).squareRoot()
        var scores = [Float](repeating: 0, count: leaves.count)
        weights.withUnsafeBufferPointer { w in
            for (i, leaf) in leaves.enumerated() {
                var s: Float = 0
                for key in keys { s += w[Self.slot(key, leaf: leaf, bits: bits)] }
                scores[i] = s * scale
            }
        }
        let top = scores.max() ?? 0
        var sum: Float = 0
        for s in scores { sum += (s - top).exp }
        let logSum = top + sum.log
        return scores.map { $0 - logSum }
    }

    /// The table, shared by the training threads (Hogwild: updates are not synchronised).
    private struct SharedTable: @unchecked Sendable {
        let weights: UnsafeMutablePointer<Float>
    }

    /// Trains the table by SGD on the softmax over each example's siblings, with linear learning-rate
    /// decay and a fixed shuffle. With one thread the same items and seed give the same weights; with
    /// more, each epoch's order is cut into one share per thread and the threads update the table
    /// without locks, as the tree model's trainer does. Examples whose heading has one subheading
    /// teach nothing and are skipped.
    static func train(items: [(keys: [UInt64], leaf: Int)], layout: LabelTree.Layout, bits: Int = defaultBits,
                      epochs: Int = 20, learningRate: Float = 4, threads: Int = 1, seed: UInt64) -> SiblingDiscriminator {
        let shape = SiblingDiscriminator(bits: bits, weights: [], layout: layout)
        var weights = [Float](repeating: 0, count: 1 << bits)
        let useful = items.filter { shape.siblings(of: $0.leaf).count > 1 }
        guard !useful.isEmpty else { return SiblingDiscriminator(bits: bits, weights: weights, layout: layout) }
        var order = Array(useful.indices)
        var generator = SeededGenerator(seed: seed ^ 0xD15C)
        let total = Float(epochs * useful.count)
        let workers = max(1, min(threads, useful.count))
        let share = (useful.count + workers - 1) / workers
        weights.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let table = SharedTable(weights: base)
            for epoch in 0..<epochs {
                order.shuffle(using: &generator)
                let shuffled = order
                DispatchQueue.concurrentPerform(iterations: workers) { (worker: Int) in
                    let range = min(worker * share, shuffled.count)..<min((worker + 1) * share, shuffled.count)
                    step(shuffled[range], items: useful, shape: shape, table: table, learningRate: learningRate,
                         done: Float(epoch * useful.count), workers: Float(workers), total: total)
                }
            }
        }
        return SiblingDiscriminator(bits: bits, weights: weights, layout: layout)
    }

    /// One thread's share of an epoch.
    private static func step(_ share: ArraySlice<Int>, items: [(keys: [UInt64], leaf: Int)], shape: SiblingDiscriminator,
                             table: SharedTable, learningRate: Float, done: Float, workers: Float, total: Float) {
        let w = table.weights
        let bits = shape.bits
        var slots: [Int] = []
        var scores: [Float] = []
        for (position, index) in share.enumerated() {
            let item = items[index]
            let leaves = shape.siblings(of: item.leaf)
            let scale = 1 / Float(item.keys.count).squareRoot()
            // Every thread advances through its share at the same pace: together they have done
            // `done + position · workers` examples.
            let rate = learningRate * max(0, 1 - (done + Float(position) * workers) / total)
            slots.removeAll(keepingCapacity: true)
            scores.removeAll(keepingCapacity: true)
            for leaf in leaves {
                var s: Float = 0
                for key in item.keys {
                    let slot = slot(key, leaf: leaf, bits: bits)
                    slots.append(slot)
                    s += w[slot]
                }
                scores.append(s * scale)
            }
            let top = scores.max() ?? 0
            var sum: Float = 0
            for i in scores.indices {
                scores[i] = (scores[i] - top).exp
                sum += scores[i]
            }
            let n = item.keys.count
            for (i, leaf) in leaves.enumerated() {
                let gradient = scores[i] / sum - (leaf == item.leaf ? 1 : 0)
                let delta = rate * gradient * scale
                for j in 0..<n { w[slots[i * n + j]] -= delta }
            }
        }
    }
}
