import CorridorClassification
import CorridorModel
import CorridorServer
import CorridorStore
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Small real models for the routes: one on chapter 42 (bags), one on chapter 64 (footwear).
enum RouteModels {
    static let corpus = Task<TrainingCorpus, any Error> {
        let database = try await ReferenceFixture.database()
        let inputs = try await CorpusBuilder.readInputs(reference: ReferenceStore(database: database), dataDirectory: try TestData.requireData())
        return try await offPool { try CorpusBuilder().build(inputs) }
    }

    static func model(chapters: Set<String>) async throws -> Classifier {
        var parameters = Hyperparameters()
        parameters.dimension = 12
        parameters.epochs = 3
        parameters.buckets = 1 << 14
        let restricted = try await corpus.value.restricted(toChapters: chapters)
        return try await offPool { [parameters] in try Classifier.train(corpus: restricted, hyperparameters: parameters) }
    }

    static let bags = Task<Classifier, any Error> { try await model(chapters: ["42"]) }
    static let shoes = Task<Classifier, any Error> { try await model(chapters: ["64"]) }
}

@Suite("Classification routes", .needsReferenceData)
struct ClassificationRouteTests {
    static func app(_ classifier: Classifier?) async throws -> TestApp {
        var app = try await TestApp.make()
        app.classification = classifier.map { ClassificationService(classifier: $0) } ?? ClassificationService(path: nil)
        return app
    }

    @Test("POST /v1/classify: predictions, confidence, explanation and the US lines of the first candidate")
    func classify() async throws {
        let app = try await Self.app(try await RouteModels.bags.value)
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha), body: try json([
                "text": "leather handbag", "k": 3, "market": "US", "as_of": "2026-08-01",
                "category": "Bags > Women", "attributes": ["material": "leather"]]))
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let object = try response.object()
            let predictions = try requireValue(object["predictions"] as? [[String: Any]])
            #expect(predictions.count == 3)
            let first = try requireValue(predictions.first?["hs6"] as? String)
            #expect(first.hasPrefix("42"))
            #expect(object["confidence"] as? Double == predictions.first?["score"] as? Double)
            #expect((object["explanation"] as? [String: Any])?["nomenclature"] != nil)
            let lines = try requireValue(object["national_lines"] as? [String: Any])
            #expect(lines["release"] as? String == "us-hts-2026r4")
            #expect((lines["lines"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test("Bad input: empty text, invalid UTF-8, unknown fields and bad k are 400; long text is cut with a warning")
    func badInput() async throws {
        let app = try await Self.app(try await RouteModels.bags.value)
        try await app.test { client in
            let empty = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha), body: try json(["text": "  "]))
            #expect(empty.status == .badRequest)
            #expect(try empty.object()["detail"] as? String == ClassificationError.emptyText.description)
            var bytes = ByteBuffer(string: "{\"text\": \"bag ")
            bytes.writeBytes([0xC3, 0x28])
            bytes.writeString("\"}")
            let invalid = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha), body: bytes)
            #expect(invalid.status == .badRequest)
            #expect(try invalid.object()["type"] as? String == "urn:corridor:problem:invalid-utf8")
            let unknown = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha), body: try json(["text": "bag", "lang": "en"]))
            #expect(unknown.status == .badRequest)
            #expect((try unknown.object()["detail"] as? String)?.hasPrefix("lang: unknown field") == true)
            let k = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha), body: try json(["text": "bag", "k": 0]))
            #expect(k.status == .badRequest)
            let long = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha),
                                                body: try json(["text": String(repeating: "leather bag ", count: 1_000)]))
            #expect(long.status == .ok)
            #expect((try long.object()["warnings"] as? [String])?.count == 1)
            let anonymous = try await client.execute(uri: "/v1/classify", method: .post, body: try json(["text": "bag"]))
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("POST /v1/classify/batch: ids kept in order, an invalid item reported by index while the rest are classified")
    func batch() async throws {
        let app = try await Self.app(try await RouteModels.bags.value)
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/classify/batch", method: .post, headers: auth(app.keys.alpha), body: try json([
                "k": 2, "items": [["id": "a", "text": "leather wallet"], ["id": "b", "text": ""], ["id": 3, "text": "travel bag"], ["text": "no id"]]]))
            #expect(response.status == .ok)
            let object = try response.object()
            let results = try requireValue(object["results"] as? [[String: Any]])
            #expect(results.count == 4)
            #expect(results[0]["id"] as? String == "a")
            #expect((results[0]["predictions"] as? [[String: Any]])?.count == 2)
            #expect(results[1]["index"] as? Int == 1)
            #expect(results[1]["error"] as? String != nil)
            #expect(results[2]["id"] as? Int == 3)
            #expect((results[3]["error"] as? String)?.contains("items[3].id") == true)
            #expect(object["classified"] as? Int == 2 && object["failed"] as? Int == 2)
            let tooMany = (0...1_000).map { ["id": "\($0)", "text": "bag"] }
            let refused = try await client.execute(uri: "/v1/classify/batch", method: .post, headers: auth(app.keys.alpha), body: try json(["items": tooMany]))
            #expect(refused.status == .badRequest)
            #expect((try refused.object()["detail"] as? String)?.contains("at most 1000") == true)
        }
    }

    @Test("Without a model the routes answer 503 saying how to configure one")
    func noModel() async throws {
        let app = try await Self.app(nil)
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/classify", method: .post, headers: auth(app.keys.alpha), body: try json(["text": "bag"]))
            #expect(response.status == .serviceUnavailable)
            #expect((try response.object()["detail"] as? String)?.contains("CORRIDOR_CLASSIFIER_MODEL") == true)
        }
    }

    @Test("Hot reload: a replaced model file is picked up; a damaged replacement keeps the previous model")
    func hotReload() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.bin")
        try ModelFile.write(try await RouteModels.bags.value, to: path)
        let service = ClassificationService(path: path.path, logger: Logger(label: "test"))
        #expect(try service.classifier.get().tree.chapters == ["42"])
        #expect(service.reloadIfChanged() == false)

        try ModelFile.write(try await RouteModels.shoes.value, to: path)
        #expect(service.reloadIfChanged() == true)
        #expect(try service.classifier.get().tree.chapters == ["64"])

        try Data("half a model".utf8).write(to: path, options: .atomic)
        #expect(service.reloadIfChanged() == false)
        #expect(try service.classifier.get().tree.chapters == ["64"])
    }
}
