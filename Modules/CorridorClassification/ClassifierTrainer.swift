import CorridorModel
import Dispatch
import Foundation

/// Trains a `TreeSoftmaxModel` by stochastic gradient descent with linear learning-rate decay.
///
/// With one thread, training is fully determined by the corpus, the hyperparameters and the seed:
/// the same inputs give a byte-identical model file. With more threads, each epoch's shuffled order
/// (still from the seed) is cut into one contiguous share per thread, and the threads update the
/// shared weights without locks (Hogwild, as fastText does): faster, but the interleaving of updates,
/// and so the last bits of the weights, vary from run to run.
struct ClassifierTrainer: Sendable {
    let hyperparameters: Hyperparameters

    /// One example, featurised.
    struct Item: Sendable {
        let features: [Int32]
        let leaf: Int32
    }

    /// Featurises the training split; examples whose label is not in the tree, or with no features, are skipped.
    static func items(_ examples: [TrainingExample], tree: LabelTree, extractor: FeatureExtractor, productTermRepeats: Int) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(examples.count)
        for example in examples {
            guard let leaf = tree.leafIndex(example.hs6) else { continue }
            let features = extractor.features(example.text)
            guard !features.isEmpty else { continue }
            let repeats = example.source == .searchReference || example.source == .ruling ? productTermRepeats : 1
            for _ in 0..<repeats { items.append(Item(features: features, leaf: Int32(leaf))) }
        }
        return items
    }

    /// The weights, shared by the training threads (Hogwild: updates are not synchronised).
    private struct SharedWeights: @unchecked Sendable {
        let input: UnsafeMutablePointer<Float>
        let output: UnsafeMutablePointer<Float>
    }

    /// Trains a fresh model on `items`.
    func train(tree: LabelTree, extractor: FeatureExtractor, items: [Item],
               progress: (@Sendable (TrainingProgress) -> Void)?) -> TreeSoftmaxModel {
        let p = hyperparameters
        var model = TreeSoftmaxModel(tree: tree, extractor: extractor, dimension: p.dimension, seed: p.seed)
        let layout = model.layout
        let threads = max(1, min(p.threads, items.count))
        let total = Double(p.epochs * max(items.count, 1))
        var generator = SeededGenerator(seed: p.seed ^ 0x5EED)
        var order = Array(0..<items.count)
        let clock = ContinuousClock()
        let start = clock.now

        model.input.withUnsafeMutableBufferPointer { inp in
            model.output.withUnsafeMutableBufferPointer { out in
                guard let inputBase = inp.baseAddress, let outputBase = out.baseAddress else { return }
                let weights = SharedWeights(input: inputBase, output: outputBase)
                for epoch in 1...p.epochs {
                    order.shuffle(using: &generator)
                    runEpoch(epoch, order: order, items: items, layout: layout, weights: weights, threads: threads, total: total,
                             start: start, clock: clock, progress: progress)
                }
            }
        }
        return model
    }

    /// One epoch: the shuffled order cut into one contiguous share per thread.
    private func runEpoch(_ epoch: Int, order: [Int], items: [Item], layout: LabelTree.Layout, weights: SharedWeights, threads: Int,
                          total: Double, start: ContinuousClock.Instant, clock: ContinuousClock,
                          progress: (@Sendable (TrainingProgress) -> Void)?) {
        let p = hyperparameters
        let before = (epoch - 1) * items.count
        let share = (items.count + threads - 1) / threads
        let losses = LossTotals(count: threads)
        var report: (@Sendable (Int, Double) -> Void)?
        if let progress {
            report = { (done: Int, loss: Double) in
                let processed = before + done * threads
                let seconds = (clock.now - start).seconds
                progress(TrainingProgress(epoch: epoch, epochs: p.epochs, fraction: min(Double(processed) / total, 1),
                                          loss: loss, examplesPerSecond: seconds > 0 ? Double(processed) / seconds : 0))
            }
        }
        let firstReport = report
        DispatchQueue.concurrentPerform(iterations: threads) { (thread: Int) in
            let range = min(thread * share, order.count)..<min((thread + 1) * share, order.count)
            let (sum, count) = Self.run(order[range], items: items, layout: layout, weights: weights, dimension: p.dimension,
                                        learningRate: p.learningRate, total: total, before: before, threads: threads,
                                        report: thread == 0 ? firstReport : nil)
            losses.record(thread: thread, sum: sum, count: count)
        }
        if let progress {
            let seconds = (clock.now - start).seconds
            let processed = epoch * items.count
            progress(TrainingProgress(epoch: epoch, epochs: p.epochs, fraction: Double(processed) / total, loss: losses.mean,
                                      examplesPerSecond: seconds > 0 ? Double(processed) / seconds : 0))
        }
    }

    /// Per-thread loss sums of one epoch.
    private final class LossTotals: @unchecked Sendable {
        private var sums: [Double]
        private var counts: [Int]
        private let lock = NSLock()

        init(count: Int) {
            sums = [Double](repeating: 0, count: count)
            counts = [Int](repeating: 0, count: count)
        }

        func record(thread: Int, sum: Double, count: Int) {
            lock.withLock {
                sums[thread] = sum
                counts[thread] = count
            }
        }

        var mean: Double { lock.withLock { sums.reduce(0, +) / Double(max(counts.reduce(0, +), 1)) } }
    }

    /// One thread's share of an epoch. Returns the sum of its losses and the number of examples.
    private static func run(_ share: ArraySlice<Int>, items: [Item], layout: LabelTree.Layout, weights: SharedWeights, dimension d: Int,
                            learningRate: Double, total: Double, before: Int, threads: Int,
                            report: (@Sendable (Int, Double) -> Void)?) -> (Double, Int) {
        let inp = weights.input
        let out = weights.output
        let h = UnsafeMutablePointer<Float>.allocate(capacity: d)
        let g = UnsafeMutablePointer<Float>.allocate(capacity: d)
        let widest = max(layout.rootChildren.count, Int(layout.childCount.max() ?? 1))
        let sc = UnsafeMutablePointer<Float>.allocate(capacity: widest)
        defer {
            h.deallocate()
            g.deallocate()
            sc.deallocate()
        }
        var lossSum = 0.0
        var windowSum = 0.0
        var windowCount = 0
        let reportEvery = max(share.count / 20, 1)

        /// One softmax over `count` children listed at `base`; returns the loss.
        func level(_ base: UnsafePointer<Int32>, _ count: Int, _ truth: Int, _ rate: Float) -> Float {
            guard count > 1 else { return 0 }
            var top = -Float.infinity
            for i in 0..<count {
                let row = out + Int(base[i]) * d
                var s: Float = 0
                for j in 0..<d { s += row[j] * h[j] }
                sc[i] = s
                if s > top { top = s }
            }
            var sum: Float = 0
            for i in 0..<count {
                sc[i] = Foundation.exp(sc[i] - top)
                sum += sc[i]
            }
            let loss = -Foundation.log(max(sc[truth] / sum, 1e-12))
            let inverse = 1 / sum
            for i in 0..<count {
                let alpha = rate * ((i == truth ? 1 : 0) - sc[i] * inverse)
                let row = out + Int(base[i]) * d
                for j in 0..<d {
                    g[j] += alpha * row[j]
                    row[j] += alpha * h[j]
                }
            }
            return loss
        }

        layout.children.withUnsafeBufferPointer { kids in
            layout.rootChildren.withUnsafeBufferPointer { roots in
                guard let rootBase = roots.baseAddress, let childBase = kids.baseAddress else { return }
                for (n, index) in share.enumerated() {
                    let item = items[index]
                    let processed = Double(before + n * threads)
                    let rate = Float(learningRate * max(0, 1 - processed / total))
                    h.update(repeating: 0, count: d)
                    g.update(repeating: 0, count: d)
                    item.features.withUnsafeBufferPointer { features in
                        for f in features {
                            let row = inp + Int(f) * d
                            for j in 0..<d { h[j] += row[j] }
                        }
                    }
                    let scale = 1 / Float(item.features.count)
                    for j in 0..<d { h[j] *= scale }
                    let path = layout.leafPath[Int(item.leaf)]
                    var loss = level(rootBase, roots.count, Int(path.chapterSlot), rate)
                    let chapter = Int(path.chapter)
                    loss += level(childBase + Int(layout.childStart[chapter]), Int(layout.childCount[chapter]), Int(path.headingSlot), rate)
                    let heading = Int(path.heading)
                    loss += level(childBase + Int(layout.childStart[heading]), Int(layout.childCount[heading]), Int(path.leafSlot), rate)
                    lossSum += Double(loss)
                    windowSum += Double(loss)
                    windowCount += 1
                    for j in 0..<d { g[j] *= scale }
                    item.features.withUnsafeBufferPointer { features in
                        for f in features {
                            let row = inp + Int(f) * d
                            for j in 0..<d { row[j] += g[j] }
                        }
                    }
                    if let report, (n + 1) % reportEvery == 0, n + 1 < share.count {
                        report(n + 1, windowSum / Double(windowCount))
                        windowSum = 0
                        windowCount = 0
                    }
                }
            }
        }
        return (lossSum, share.count)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
