import CorridorTestSupport
import Foundation
import Testing

/// `corridor-classify` end to end on the real data, trained on one chapter so that a debug build is quick.
@Suite("corridor-classify CLI", .needsReferenceData)
struct CorridorClassifyCLITests {
    struct CLIError: Error { let message: String }

    /// A database with HS 2022, the 2026 HTS and the 2026 CN, and a model trained on chapters 42 and 64.
    static let fixture: Task<(database: String, model: String, directory: URL), any Error> = Task {
        let directory = try CommandRunner.temporaryDirectory()
        let database = directory.appendingPathComponent("corridor.sqlite").path
        let data = try TestData.requireData().path
        let imported = try await CommandRunner.runAsync("corridor-data", ["import", "--from", data, "--database", database,
                                                                          "--only", "hs2022", "us-hts-2026r4", "eu-cn-2026"])
        guard imported.status == 0 else { throw CLIError(message: imported.stderr) }
        let model = directory.appendingPathComponent("model.bin").path
        let trained = try await CommandRunner.runAsync("corridor-classify", [
            "train", "--data", data, "--database", database, "--out", model, "--chapters", "42", "64",
            "--epochs", "4", "--dim", "16", "--buckets", "16384"])
        guard trained.status == 0 else { throw CLIError(message: trained.stderr + trained.stdout) }
        return (database, model, directory)
    }

    @Test("train reports progress and the development-split accuracy")
    func train() async throws {
        let directory = try CommandRunner.temporaryDirectory()
        let fixture = try await Self.fixture.value
        let model = directory.appendingPathComponent("m.bin").path
        let r = try await CommandRunner.runAsync("corridor-classify", [
            "train", "--database", fixture.database, "--out", model, "--chapters", "42",
            "--epochs", "2", "--dim", "8", "--buckets", "4096"], environment: ["CORRIDOR_DATA": try TestData.requireData().path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("epoch 2/2"))
        #expect(r.stderr.contains("hmrc-search-reference"))
        #expect(r.stdout.contains("development split:"))
        #expect(r.stdout.contains("expected calibration error"))
        #expect(FileManager.default.fileExists(atPath: model))
        let bad = try await CommandRunner.runAsync("corridor-classify", ["train", "--database", fixture.database, "--out", model, "--chapters", "7"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'7' is not a two-digit HS chapter"))
    }

    @Test("predict: JSON with scores, explanation and US lines; a table; clear errors")
    func predict() async throws {
        let fixture = try await Self.fixture.value
        let r = try await CommandRunner.runAsync("corridor-classify", [
            "predict", "leather handbag with shoulder strap", "--model", fixture.model, "-k", "3", "--market", "US",
            "--as-of", "2026-08-01", "--database", fixture.database, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let predictions = try #require(object["predictions"] as? [[String: Any]])
        #expect(predictions.count == 3)
        let first = try #require(predictions.first?["hs6"] as? String)
        #expect(first.hasPrefix("4202"), "\(predictions)")
        #expect(object["explanation"] != nil)
        let lines = try #require(object["national_lines"] as? [String: Any])
        #expect(lines["release"] as? String == "us-hts-2026r4")
        let usLines = try #require(lines["lines"] as? [[String: Any]])
        #expect(usLines.allSatisfy { ($0["code"] as? String)?.hasPrefix(first) == true && ($0["code"] as? String)?.count == 10 })
        #expect(usLines.contains { $0["generalRate"] != nil })

        let withAttributes = try await CommandRunner.runAsync("corridor-classify", [
            "predict", "ankle boots", "--model", fixture.model, "--category", "Shoes > Women", "--attribute", "material=leather", "--format", "json"])
        #expect(withAttributes.status == 0, "\(withAttributes.stderr)")
        let badAttribute = try await CommandRunner.runAsync("corridor-classify", ["predict", "boots", "--model", fixture.model, "--attribute", "leather"])
        #expect(badAttribute.status != 0)
        #expect(badAttribute.stderr.contains("must be name=value"))

        let table = try await CommandRunner.runAsync("corridor-classify", ["predict", "rubber boots", "--model", fixture.model])
        #expect(table.status == 0)
        #expect(table.stdout.contains("rank  hs6"))

        let empty = try await CommandRunner.runAsync("corridor-classify", ["predict", "   ", "--model", fixture.model])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("the product text is empty"))
        let noModel = try await CommandRunner.runAsync("corridor-classify", ["predict", "shoes", "--model", "/nonexistent/m.bin"])
        #expect(noModel.status == 1)
        #expect(noModel.stderr.contains("/nonexistent/m.bin is not a usable classifier model"))
        let badMarket = try await CommandRunner.runAsync("corridor-classify", ["predict", "shoes", "--model", fixture.model, "--market", "JP"])
        #expect(badMarket.status != 0)
        #expect(badMarket.stderr.contains("not one of US, EU, HS2017"))
    }

    @Test("A damaged model file is refused with the checksum reason")
    func damagedModel() async throws {
        let fixture = try await Self.fixture.value
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.model))
        bytes[bytes.count / 3] ^= 0x5A
        let damaged = fixture.directory.appendingPathComponent("damaged.bin")
        try bytes.write(to: damaged)
        let r = try await CommandRunner.runAsync("corridor-classify", ["predict", "shoes", "--model", damaged.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("SHA-256 checksum does not match"))
    }

    @Test("batch keeps ids and order, reports invalid lines by number and still classifies the rest; --strict refuses")
    func batch() async throws {
        let fixture = try await Self.fixture.value
        let input = fixture.directory.appendingPathComponent("in.jsonl")
        var bytes = Data("""
            {"id": "a", "text": "leather wallet"}
            {"id": "b", "text": ""}
            not json
            {"id": 7, "text": "sports shoes with rubber soles"}

            """.utf8)
        bytes.append(contentsOf: [0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D, 0x0A])  // {"id":"\xFF"}
        bytes.append(Data("{\"id\": \"c\", \"text\": \"travel bag\", \"category\": \"Luggage\", \"attributes\": {\"material\": \"nylon\"}}\n".utf8))
        try bytes.write(to: input)
        let output = fixture.directory.appendingPathComponent("out.jsonl").path
        let r = try await CommandRunner.runAsync("corridor-classify", ["batch", "--model", fixture.model, "--input", input.path, "--output", output, "-k", "2"])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("line 2"))
        #expect(r.stderr.contains("line 3: not a JSON object"))
        #expect(r.stderr.contains("line 5 is not valid UTF-8"))
        #expect(r.stderr.contains("classified 3 of 6 lines"))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 6)
        #expect(lines[0]["id"] as? String == "a")
        #expect((lines[0]["predictions"] as? [[String: Any]])?.count == 2)
        #expect(lines[1]["error"] != nil)
        #expect(lines[3]["id"] as? Int == 7)
        #expect(lines[5]["id"] as? String == "c")
        let scores = (lines[0]["predictions"] as? [[String: Any]] ?? []).compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let strict = try await CommandRunner.runAsync("corridor-classify", ["batch", "--model", fixture.model, "--input", input.path,
                                                                            "--output", output + ".strict", "--strict"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output + ".strict"))
    }

    @Test("evaluate reports top-1/top-5 at 2, 4 and 6 digits and ECE; corpus exports the splits")
    func evaluateAndCorpus() async throws {
        let fixture = try await Self.fixture.value
        let corpusDirectory = fixture.directory.appendingPathComponent("corpus").path
        let corpus = try await CommandRunner.runAsync("corridor-classify", ["corpus", "--data", try TestData.requireData().path,
                                                                            "--database", fixture.database, "--out", corpusDirectory, "--chapters", "42"])
        #expect(corpus.status == 0, "\(corpus.stderr)")
        let dev = corpusDirectory + "/dev.jsonl"
        let r = try await CommandRunner.runAsync("corridor-classify", ["evaluate", "--model", fixture.model, "--input", dev, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let levels = try #require(report["levels"] as? [[String: Any]])
        #expect(levels.map { $0["digits"] as? Int } == [2, 4, 6])
        let top1 = try #require(levels[2]["top1"] as? Double)
        #expect(top1 > 0.2)
        #expect(report["expectedCalibrationError"] is Double)
        let table = try await CommandRunner.runAsync("corridor-classify", ["evaluate", "--model", fixture.model, "--input", dev])
        #expect(table.stdout.contains("digits   top-1    top-5"))
    }
}
