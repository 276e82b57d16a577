import CorridorModel
import Foundation

/// A fastText-style supervised model whose output is a softmax at each node of the HS tree.
///
/// The hidden vector is the mean of the input rows of the text's hashed features. The probability
/// of a subheading is P(chapter) · P(heading | chapter) · P(subheading | heading), each a softmax
/// over the node's children: training touches about 115 output vectors per example instead of 5,600,
/// and every prediction is consistent with the hierarchy.
struct TreeSoftmaxModel: Sendable {
    let dimension: Int
    let extractor: FeatureExtractor
    let tree: LabelTree
    let layout: LabelTree.Layout
    /// `buckets × dimension`, row-major.
    var input: [Float]
    /// `tree.nodeCount × dimension`, row-major.
    var output: [Float]

    /// A fresh model: input rows uniform in ±1/dimension, output rows zero (as fastText).
    init(tree: LabelTree, extractor: FeatureExtractor, dimension: Int, seed: UInt64) {
        self.dimension = dimension
        self.extractor = extractor
        self.tree = tree
        self.layout = LabelTree.Layout(tree)
        var generator = SeededGenerator(seed: seed)
        let bound = 1 / Float(dimension)
        input = (0..<(extractor.buckets * dimension)).map { _ in Float(generator.nextUniform() * 2 - 1) * bound }
        output = [Float](repeating: 0, count: tree.nodeCount * dimension)
    }

    /// A model with given weights (from a model file).
    init(tree: LabelTree, extractor: FeatureExtractor, dimension: Int, input: [Float], output: [Float]) {
        self.dimension = dimension
        self.extractor = extractor
        self.tree = tree
        self.layout = LabelTree.Layout(tree)
        self.input = input
        self.output = output
    }

    /// The hidden vector of a feature list (zero when there are no features).
    func hidden(_ features: [Int32]) -> [Float] {
        var h = [Float](repeating: 0, count: dimension)
        guard !features.isEmpty else { return h }
        let d = dimension
        input.withUnsafeBufferPointer { inp in
            h.withUnsafeMutableBufferPointer { hp in
                guard let source = inp.baseAddress, let target = hp.baseAddress else { return }
                if d % 16 == 0 {
                    // Sixteen lanes at a time: the rows are summed with vector adds.
                    let lanes = d / 16
                    UnsafeMutableRawPointer(target).withMemoryRebound(to: SIMD16<Float>.self, capacity: lanes) { sum in
                        for f in features {
                            let row = UnsafeRawPointer(source + Int(f) * d)
                            for j in 0..<lanes { sum[j] += row.loadUnaligned(fromByteOffset: j * 64, as: SIMD16<Float>.self) }
                        }
                    }
                } else {
                    for f in features {
                        let row = Int(f) * d
                        for j in 0..<d { hp[j] += inp[row + j] }
                    }
                }
                let scale = 1 / Float(features.count)
                for j in 0..<d { hp[j] *= scale }
            }
        }
        return h
    }

    /// Log-softmax of the children of `node` (-1 for the root) against `hidden`.
    func childLogProbabilities(of node: Int, hidden: [Float]) -> (children: ArraySlice<Int32>, logProbabilities: [Float]) {
        let kids: ArraySlice<Int32>
        if node < 0 {
            kids = layout.rootChildren[...]
        } else {
            let start = Int(layout.childStart[node])
            kids = layout.children[start..<(start + Int(layout.childCount[node]))]
        }
        let d = dimension
        var scores = [Float](repeating: 0, count: kids.count)
        output.withUnsafeBufferPointer { out in
            hidden.withUnsafeBufferPointer { h in
                for (i, child) in kids.enumerated() {
                    let row = Int(child) * d
                    var s: Float = 0
                    for j in 0..<d { s += out[row + j] * h[j] }
                    scores[i] = s
                }
            }
        }
        let top = scores.max() ?? 0
        var sum: Float = 0
        for s in scores { sum += (s - top).exp }
        let logSum = top + sum.log
        return (kids, scores.map { $0 - logSum })
    }

    /// The `count` most probable subheadings with their log-probabilities, best first. Exact: a branch is
    /// cut only when its own probability is below the worst kept subheading's.
    func topLeaves(hidden: [Float], count: Int) -> [(leaf: Int, logProbability: Float)] {
        var best: [(leaf: Int, logProbability: Float)] = []
        func worst() -> Float { best.count < count ? -.infinity : best[best.count - 1].logProbability }
        func insert(_ leaf: Int, _ lp: Float) {
            guard lp > worst() else { return }
            let position = best.firstIndex { $0.logProbability < lp } ?? best.count
            best.insert((leaf, lp), at: position)
            if best.count > count { best.removeLast() }
        }
        let chapters = childLogProbabilities(of: -1, hidden: hidden)
        for (cp, chapter) in zip(chapters.logProbabilities, chapters.children).sorted(by: { $0.0 > $1.0 }) {
            guard cp > worst() else { break }
            let headings = childLogProbabilities(of: Int(chapter), hidden: hidden)
            for (hp, heading) in zip(headings.logProbabilities, headings.children).sorted(by: { $0.0 > $1.0 }) {
                let headingLP = cp + hp
                guard headingLP > worst() else { break }
                let leaves = childLogProbabilities(of: Int(heading), hidden: hidden)
                for (lp, leaf) in zip(leaves.logProbabilities, leaves.children) {
                    insert(Int(leaf) - layout.firstLeafNode, headingLP + lp)
                }
            }
        }
        return best
    }

    /// Log-probabilities of single subheadings for one hidden vector, remembering each node's softmax.
    struct PathScorer {
        let model: TreeSoftmaxModel
        let hidden: [Float]
        private var levels: [Int: [Float]] = [:]

        init(model: TreeSoftmaxModel, hidden: [Float]) {
            self.model = model
            self.hidden = hidden
        }

        private mutating func level(_ node: Int) -> [Float] {
            if let known = levels[node] { return known }
            let computed = model.childLogProbabilities(of: node, hidden: hidden).logProbabilities
            levels[node] = computed
            return computed
        }

        /// The log-probability of subheading `leaf`.
        mutating func logProbability(leaf: Int) -> Float {
            let path = model.layout.leafPath[leaf]
            return level(-1)[Int(path.chapterSlot)] + level(Int(path.chapter))[Int(path.headingSlot)]
                + level(Int(path.heading))[Int(path.leafSlot)]
        }
    }
}

extension Float {
    var exp: Float { Foundation.exp(self) }
    var log: Float { Foundation.log(self) }
}
