@testable import CorridorClassification
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

/// A classifier trained on the real corpus cut to apparel, footwear, bags and electrical chapters
/// (a debug build is too slow for the full corpus; `make bench` trains on all of it).
enum SmallModel {
    static let chapters: Set<String> = ["42", "61", "62", "64", "85"]

    static let task = Task<Classifier, any Error> {
        let corpus = try await RealCorpus.corpus().restricted(toChapters: chapters)
        var parameters = Hyperparameters()
        parameters.dimension = 24
        parameters.epochs = 6
        parameters.buckets = 1 << 16
        return try await offPool { [parameters] in try Classifier.train(corpus: corpus, hyperparameters: parameters) }
    }

    static func classifier() async throws -> Classifier { try await task.value }
}

@Suite("Classifier trained on real nomenclature text", .needsReferenceData)
struct ClassifierTests {
    @Test("Development-split accuracy is far above chance and calibrated")
    func development() async throws {
        let classifier = try await SmallModel.classifier()
        let report = try #require(classifier.development)
        let labels = Double(classifier.tree.leaves.count)
        let top1 = try #require(report.level(6)?.top1)
        let top5 = try #require(report.level(6)?.top5)
        #expect(report.count > 800)
        #expect(top1 > 0.35, "top-1 \(top1) on \(Int(labels)) labels")
        #expect(top5 >= top1)
        #expect((report.level(2)?.top1 ?? 0) >= top1)
        #expect(report.expectedCalibrationError < 0.15, "ECE \(report.expectedCalibrationError)")
        #expect(classifier.calibration.temperature > 0)
    }

    @Test("Product wording finds its subheading, with an explanation from the nomenclature")
    func products() async throws {
        let classifier = try await SmallModel.classifier()
        let shirt = try classifier.classify("men's cotton t-shirts, knitted", k: 5)
        #expect(shirt.predictions.prefix(3).contains { $0.hs6 == "610910" }, "\(shirt.predictions.map(\.hs6))")
        #expect(shirt.predictions.map(\.score) == shirt.predictions.map(\.score).sorted(by: >))
        let explanation = try #require(shirt.explanation)
        #expect(explanation.nomenclature.map(\.code) == [String(shirt.predictions[0].hs6.prefix(2)), String(shirt.predictions[0].hs6.prefix(4)), shirt.predictions[0].hs6])
        let handbag = try classifier.classify("leather handbag with shoulder strap")
        #expect(handbag.predictions.prefix(3).contains { $0.hs6.hasPrefix("4202") }, "\(handbag.predictions.map(\.hs6))")
    }

    @Test("Words cut short are completed; a title's 'for …' clause is not expanded")
    func preparation() async throws {
        let classifier = try await SmallModel.classifier()
        let cut = classifier.prepare("LADIES COTTON T-SHI").tokens.map(\.text)
        #expect(cut.contains("shirt"), "\(cut)")
        let shirt = try classifier.classify("LADIES COTTON T-SHI", k: 3)
        #expect(shirt.predictions.contains { $0.hs6.hasPrefix("6109") || $0.hs6.hasPrefix("6106") || $0.hs6.hasPrefix("6206") })
        let (tokens, matched) = classifier.prepare("Silicone case for iPhone 15")
        #expect(matched.isEmpty, "\(matched)")
        #expect(!tokens.map(\.text).contains("smartphones"))
        #expect(classifier.prepare("iPhone 15 silicone case").matched == ["iphone"])
    }

    @Test("Empty text, a bad k and over-long text are handled")
    func badInput() async throws {
        let classifier = try await SmallModel.classifier()
        #expect(throws: ClassificationError.emptyText) { try classifier.classify("   \n ") }
        #expect(throws: ClassificationError.self) { try classifier.classify("shoes", k: 0) }
        #expect(throws: ClassificationError.self) { try classifier.classify("!!! ---") }
        let long = String(repeating: "leather shoes ", count: 1_000)
        let result = try classifier.classify(long)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("first 10000"))
    }

    @Test("A question separates close candidates by the words their texts differ in")
    func question() async throws {
        let classifier = try await SmallModel.classifier()
        let tree = classifier.tree
        let a = try #require(tree.leafIndex("610910"))
        let b = try #require(tree.leafIndex("610990"))
        let question = try #require(Classifier.question(
            tree: tree, (Classifier.Candidate(leaf: a, logProbability: 0, retrieval: 0), 0.45),
            (Classifier.Candidate(leaf: b, logProbability: 0, retrieval: 0), 0.40)))
        #expect(question.text.contains("of cotton"))
        #expect(question.text.contains("other than cotton"))
        #expect(question.options.map(\.hs6) == ["610910", "610990"])
        #expect(Classifier.question(tree: tree, (Classifier.Candidate(leaf: a, logProbability: 0, retrieval: 0), 0.9),
                                    (Classifier.Candidate(leaf: b, logProbability: 0, retrieval: 0), 0.05)) == nil)
    }

    @Test("The model file round-trips exactly; damage and other versions are refused with a clear reason")
    func modelFile() async throws {
        let classifier = try await SmallModel.classifier()
        let data = try ModelFile.encode(classifier)
        let loaded = try ModelFile.decode(data, path: "m.bin")
        #expect(try loaded.classify("cotton t-shirt") == classifier.classify("cotton t-shirt"))
        #expect(try ModelFile.encode(loaded) == data)

        var damaged = data
        damaged[damaged.count / 2] ^= 0xFF
        #expect(throws: ClassificationError.invalidModelFile(path: "m.bin", reason: "its SHA-256 checksum does not match: the file is damaged or truncated")) {
            try ModelFile.decode(damaged, path: "m.bin")
        }
        #expect(throws: ClassificationError.self) { try ModelFile.decode(data.prefix(data.count - 100), path: "m.bin") }
        var future = data
        future[8] = 4
        do {
            _ = try ModelFile.decode(future, path: "m.bin")
            Issue.record("a version-4 file loaded")
        } catch {
            #expect(error.description.contains("format version 4"))
        }
        #expect(throws: ClassificationError.self) { try ModelFile.decode(Data("not a model".utf8), path: "m.bin") }
    }

    @Test("Training is reproducible: the same corpus, settings and seed give the same weights")
    func reproducible() async throws {
        let corpus = try await RealCorpus.corpus().restricted(toChapters: ["42"])
        var parameters = Hyperparameters()
        parameters.dimension = 8
        parameters.epochs = 2
        parameters.buckets = 1 << 12
        let first = try await offPool { [parameters] in try Classifier.train(corpus: corpus, hyperparameters: parameters) }
        let second = try await offPool { [parameters] in try Classifier.train(corpus: corpus, hyperparameters: parameters) }
        #expect(first.model.input == second.model.input)
        #expect(first.model.output == second.model.output)
        #expect(first.siblings.weights == second.siblings.weights)
        parameters.seed += 1
        let other = try await offPool { [parameters] in try Classifier.train(corpus: corpus, hyperparameters: parameters) }
        #expect(other.model.input != first.model.input)
    }

    @Test("The sibling discriminator separates subheadings of one heading by their words, better than the tree alone")
    func siblings() async throws {
        let classifier = try await SmallModel.classifier()
        func local(_ text: String, _ code: String) throws -> (discriminator: Float, siblings: [String]) {
            let leaf = try #require(classifier.tree.leafIndex(code))
            let family = classifier.siblings.siblings(of: leaf)
            let tokens = TextNormalizer.tokens(text)
            let lp = classifier.siblings.logProbabilities(keys: SiblingDiscriminator.keys(tokens), leaves: family)
            return (lp[leaf - family.lowerBound], family.map { classifier.tree.leaves[$0] })
        }
        // 6109: T-shirts of cotton (6109.10) or of other textile materials (6109.90).
        let cotton = try local("T-shirts, singlets and other vests, knitted or crocheted; of cotton", "610910")
        #expect(cotton.siblings == ["610910", "610990"])
        #expect(cotton.discriminator > Float(Foundation.log(0.5)), "cotton favours 6109.10: \(cotton.discriminator)")
        let other = try local("T-shirts, singlets and other vests, knitted or crocheted; of man-made fibres", "610990")
        #expect(other.discriminator > Float(Foundation.log(0.5)), "man-made fibres favour 6109.90: \(other.discriminator)")
        // On the development split, it picks the right subheading within the right heading more often than the tree's own softmax.
        let corpus = try await RealCorpus.corpus().restricted(toChapters: SmallModel.chapters)
        var discriminatorRight = 0, treeRight = 0, total = 0
        for example in corpus.development {
            guard let leaf = classifier.tree.leafIndex(example.hs6) else { continue }
            let family = classifier.siblings.siblings(of: leaf)
            guard family.count > 1 else { continue }
            let tokens = TextNormalizer.tokens(example.text)
            let lp = classifier.siblings.logProbabilities(keys: SiblingDiscriminator.keys(tokens), leaves: family)
            if lp.indices.max(by: { lp[$0] < lp[$1] }) == leaf - family.lowerBound { discriminatorRight += 1 }
            var scorer = TreeSoftmaxModel.PathScorer(model: classifier.model, hidden: classifier.model.hidden(classifier.model.extractor.features(tokens)))
            let tree = family.map { scorer.logProbability(leaf: $0) }
            if tree.indices.max(by: { tree[$0] < tree[$1] }) == leaf - family.lowerBound { treeRight += 1 }
            total += 1
        }
        #expect(total > 300 && discriminatorRight > treeRight, "discriminator \(discriminatorRight), tree \(treeRight) of \(total)")
        #expect(classifier.calibration.siblingWeight > 0, "the fitted weight uses it")
    }

    @Test("Two training threads learn as well as one (lock-free, so not bit for bit)")
    func twoThreads() async throws {
        let corpus = try await RealCorpus.corpus().restricted(toChapters: ["42", "64"])
        var parameters = Hyperparameters()
        parameters.dimension = 16
        parameters.epochs = 4
        parameters.buckets = 1 << 14
        let one = try await offPool { [parameters] in try Classifier.train(corpus: corpus, hyperparameters: parameters) }
        parameters.threads = 2
        let two = try await offPool { [parameters] in try Classifier.train(corpus: corpus, hyperparameters: parameters) }
        let a = try #require(one.development?.level(6)?.top1)
        let b = try #require(two.development?.level(6)?.top1)
        #expect(abs(a - b) < 0.05, "one thread \(a), two \(b)")
        #expect(b > 0.3)
    }
}
