@testable import CorridorClassification
import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

/// The corpus over the real reference data, built once per test process.
enum RealCorpus {
    static let task = Task<TrainingCorpus, any Error> {
        let database = try await ReferenceFixture.database()
        let inputs = try await CorpusBuilder.readInputs(reference: ReferenceStore(database: database),
                                                        dataDirectory: try TestData.requireData())
        return try await offPool { try CorpusBuilder().build(inputs) }
    }

    static func corpus() async throws -> TrainingCorpus { try await task.value }
}

@Suite("Corpus builder on the real nomenclatures", .needsReferenceData)
struct CorpusBuilderTests {
    @Test("Every source contributes; labels are the 5,613 HS 2022 subheadings; about 15% is held out")
    func statistics() async throws {
        let corpus = try await RealCorpus.corpus()
        let s = corpus.statistics
        #expect(s.labels == 5_613)
        #expect(s.sources[.hsNomenclature]?.kept == 5_613)
        #expect(s.sources[.searchReference]?.read == 4_006)
        #expect(s.sources[.ruling]?.read == 21)
        #expect((s.sources[.usHTS]?.kept ?? 0) > 20_000)
        #expect((s.sources[.euCN]?.kept ?? 0) > 8_000)
        // US chapters 98 and 99 are national provisions, not HS subheadings: dropped and counted.
        #expect((s.sources[.usHTS]?.unmappable ?? 0) > 0)
        let share = Double(s.dev) / Double(s.kept)
        #expect(share > 0.13 && share < 0.17)
        #expect(corpus.examples.allSatisfy { corpus.tree.leafIndex($0.hs6) != nil })
        #expect(!corpus.examples.contains { $0.text.contains("(352)") })
    }

    @Test("The build is deterministic, and a chapter cut keeps only those chapters")
    func deterministic() async throws {
        let database = try await ReferenceFixture.database()
        let inputs = try await CorpusBuilder.readInputs(reference: ReferenceStore(database: database), dataDirectory: try TestData.requireData())
        let again = try CorpusBuilder().build(inputs)
        let corpus = try await RealCorpus.corpus()
        #expect(again.examples == corpus.examples)
        let cut = try corpus.restricted(toChapters: ["61", "62"])
        #expect(cut.tree.chapters == ["61", "62"])
        #expect(cut.examples.allSatisfy { $0.hs6.hasPrefix("61") || $0.hs6.hasPrefix("62") })
        #expect(cut.statistics.chapters == ["61", "62"])
        #expect(throws: ClassificationError.self) { try corpus.restricted(toChapters: ["77"]) }
    }

    @Test("The export is the corpus in fastText format and JSON Lines, split as the model was")
    func export() async throws {
        let corpus = try await RealCorpus.corpus().restricted(toChapters: ["42"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try corpus.export(to: directory)
        let train = try String(contentsOf: directory.appendingPathComponent("train.txt"), encoding: .utf8).split(separator: "\n")
        let dev = try String(contentsOf: directory.appendingPathComponent("dev.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(train.count == corpus.training.count)
        #expect(dev.count == corpus.development.count)
        #expect(train.allSatisfy { $0.hasPrefix("__label__42") })
        do {
            try corpus.export(to: URL(fileURLWithPath: "/proc/corridor-export"))
            Issue.record("an export into /proc succeeded")
        } catch {
            #expect(error.description.hasPrefix("cannot write the corpus export to /proc/corridor-export"))
        }
    }

    @Test("A missing HMRC file is a clear error naming the path")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/uk_search_references.json")
        #expect(throws: ClassificationError.self) { try CorpusBuilder.readSearchReferences(url) }
        do {
            _ = try CorpusBuilder.readSearchReferences(url)
        } catch {
            #expect(error.description.contains("/nonexistent/uk_search_references.json"))
        }
    }
}
