import CorridorModel
import Foundation

/// Trains a `TreeSoftmaxModel` by stochastic gradient descent with linear learning-rate decay.
///
/// Training is single-threaded and fully determined by the corpus, the hyperparameters and the seed:
/// the same inputs give a byte-identical model file.
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

    /// Trains a fresh model on `items`.
    func train(tree: LabelTree, extractor: FeatureExtractor, items: [Item],
               progress: (@Sendable (TrainingProgress) -> Void)?) -> TreeSoftmaxModel {
        let p = hyperparameters
        var model = TreeSoftmaxModel(tree: tree, extractor: extractor, dimension: p.dimension, seed: p.seed)
        let layout = model.layout
        let d = p.dimension
        let total = Double(p.epochs * max(items.count, 1))
        var generator = SeededGenerator(seed: p.seed ^ 0x5EED)
        var order = Array(0..<items.count)
        var hidden = [Float](repeating: 0, count: d)
        var gradient = [Float](repeating: 0, count: d)
        let widest = max(layout.rootChildren.count, Int(layout.childCount.max() ?? 1))
        var scores = [Float](repeating: 0, count: widest)
        let clock = ContinuousClock()
        let start = clock.now
        var processed = 0
        var lossSum = 0.0
        var lossCount = 0
        let reportEvery = max(items.count / 20, 1)

        model.input.withUnsafeMutableBufferPointer { inp in
            model.output.withUnsafeMutableBufferPointer { out in
                hidden.withUnsafeMutableBufferPointer { h in
                    gradient.withUnsafeMutableBufferPointer { g in
                        scores.withUnsafeMutableBufferPointer { sc in
                            layout.children.withUnsafeBufferPointer { kids in
                                layout.rootChildren.withUnsafeBufferPointer { roots in
                                    guard let rootBase = roots.baseAddress, let childBase = kids.baseAddress else { return }
                                    /// One softmax over `count` children starting at `base`; returns the loss.
                                    func level(_ base: UnsafePointer<Int32>, _ count: Int, _ truth: Int, _ rate: Float) -> Float {
                                        guard count > 1 else { return 0 }
                                        var top = -Float.infinity
                                        for i in 0..<count {
                                            let row = Int(base[i]) * d
                                            var s: Float = 0
                                            for j in 0..<d { s += out[row + j] * h[j] }
                                            sc[i] = s
                                            if s > top { top = s }
                                        }
                                        var sum: Float = 0
                                        for i in 0..<count {
                                            sc[i] = Foundation.exp(sc[i] - top)
                                            sum += sc[i]
                                        }
                                        let loss = -Foundation.log(max(sc[truth] / sum, 1e-12))
                                        for i in 0..<count {
                                            let alpha = rate * ((i == truth ? 1 : 0) - sc[i] / sum)
                                            let row = Int(base[i]) * d
                                            for j in 0..<d {
                                                g[j] += alpha * out[row + j]
                                                out[row + j] += alpha * h[j]
                                            }
                                        }
                                        return loss
                                    }

                                    for epoch in 1...p.epochs {
                                        order.shuffle(using: &generator)
                                        for (n, index) in order.enumerated() {
                                            let item = items[index]
                                            let rate = Float(p.learningRate * max(0, 1 - Double(processed) / total))
                                            processed += 1
                                            for j in 0..<d { h[j] = 0; g[j] = 0 }
                                            for f in item.features {
                                                let row = Int(f) * d
                                                for j in 0..<d { h[j] += inp[row + j] }
                                            }
                                            let scale = 1 / Float(item.features.count)
                                            for j in 0..<d { h[j] *= scale }
                                            let path = layout.leafPath[Int(item.leaf)]
                                            var loss = level(rootBase, roots.count, Int(path.chapterSlot), rate)
                                            let cs = Int(layout.childStart[Int(path.chapter)])
                                            loss += level(childBase + cs, Int(layout.childCount[Int(path.chapter)]), Int(path.headingSlot), rate)
                                            let hs = Int(layout.childStart[Int(path.heading)])
                                            loss += level(childBase + hs, Int(layout.childCount[Int(path.heading)]), Int(path.leafSlot), rate)
                                            lossSum += Double(loss)
                                            lossCount += 1
                                            for j in 0..<d { g[j] *= scale }
                                            for f in item.features {
                                                let row = Int(f) * d
                                                for j in 0..<d { inp[row + j] += g[j] }
                                            }
                                            if let progress, (n + 1) % reportEvery == 0 || n + 1 == order.count {
                                                let seconds = (clock.now - start).seconds
                                                progress(TrainingProgress(
                                                    epoch: epoch, epochs: p.epochs, fraction: Double(processed) / total,
                                                    loss: lossSum / Double(max(lossCount, 1)),
                                                    examplesPerSecond: seconds > 0 ? Double(processed) / seconds : 0))
                                                lossSum = 0
                                                lossCount = 0
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return model
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
