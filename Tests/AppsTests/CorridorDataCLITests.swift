import CorridorTestSupport
import Foundation
import Testing

/// `corridor-data` end to end: the contract external acceptance checks rely on.
@Suite("corridor-data CLI", .needsReferenceData, .serialized)
struct CorridorDataCLITests {
    /// A database with HS 2017/2022, the HS correlation tables and both US HTS revisions, built once.
    static let database: Task<String, any Error> = Task {
        let directory = try CommandRunner.temporaryDirectory()
        let path = directory.appendingPathComponent("corridor.sqlite").path
        let r = try CommandRunner.run("corridor-data", [
            "import", "--from", try TestData.requireData().path, "--database", path,
            "--only", "hs2017", "hs2022", "us-hts-2025r13", "us-hts-2026r4", "correlation-hs2022-hs2017",
        ])
        guard r.status == 0 else { throw CLIFailure(result: r) }
        return path
    }

    struct CLIFailure: Error, CustomStringConvertible {
        let result: CommandRunner.Result
        var description: String { "exit \(result.status): \(result.stderr)" }
    }

    func json(_ arguments: [String]) async throws -> [String: Any] {
        let r = try CommandRunner.run("corridor-data", arguments + ["--database", try await Self.database.value, "--format", "json"])
        guard r.status == 0 else { throw CLIFailure(result: r) }
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test("import reports each dataset, quietly when piped, and is idempotent")
    func importSummary() async throws {
        let path = try await Self.database.value
        let again = try CommandRunner.run("corridor-data", ["import", "--from", try TestData.requireData().path, "--database", path,
                                                            "--only", "hs2022"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("unchanged hs2022"))
        #expect(!again.stderr.contains("importing"), "no progress line when stderr is not a terminal")
    }

    @Test("lookup prints an object with code and description")
    func lookup() async throws {
        let object = try await json(["lookup", "8517.13", "--version", "hs2022"])
        #expect(object["code"] as? String == "851713")
        #expect(object["description"] as? String == "Telephone sets; smartphones for cellular or other wireless networks")
        let asOf = try await json(["lookup", "851712", "--as-of", "2019-03-01"])
        #expect(asOf["release"] as? String == "hs2017")
        let hts = try await json(["lookup", "0101.21.00.10", "--version", "us-hts-2025r13"])
        #expect(hts["fullDescription"] as? String == "Live horses, asses, mules and hinnies > Horses > Purebred breeding animals > Males")
    }

    @Test("correlate prints targets with code and relationship")
    func correlate() async throws {
        let object = try await json(["correlate", "851713", "--from", "hs2022", "--to", "hs2017"])
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.count == 1)
        #expect(targets.first?["code"] as? String == "851712")
        #expect(targets.first?["relationship"] as? String == "n:1")
        let drones = try await json(["correlate", "880621", "--from", "hs2022", "--to", "hs2017"])
        #expect((drones["targets"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["852580", "880211", "880220"])
    }

    @Test("search ranks results")
    func search() async throws {
        let object = try await json(["search", "smartphones", "--limit", "3"])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count <= 3 && !results.isEmpty)
        #expect(results.first?["code"] as? String == "851713")
    }

    @Test("diff in JSON and CSV is non-empty and identical run to run")
    func diff() async throws {
        let path = try await Self.database.value
        let a = try CommandRunner.run("corridor-data", ["diff", "us-hts-2025r13", "us-hts-2026r4", "--database", path, "--format", "csv"])
        let b = try CommandRunner.run("corridor-data", ["diff", "us-hts-2025r13", "us-hts-2026r4", "--database", path, "--format", "csv"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let lines = a.stdout.split(separator: "\n")
        #expect(lines.first == "kind,code,field,before,after")
        let expected = 1 + 436 + 551 + 126 + 21 + 241
        #expect(lines.count == expected)
        let object = try await json(["diff", "us-hts-2025r13", "us-hts-2026r4"])
        #expect((object["counts"] as? [String: Int])?["added"] == 436)
    }

    @Test("bad input gets a clear error and a non-zero exit", arguments: [
        (["lookup", "85x7"], "invalid HS code '85x7'"),
        (["lookup", "999998", "--version", "hs2022"], "code 9999.98 does not exist in hs2022"),
        (["lookup", "851713", "--as-of", "2026-13-01"], "invalid date '2026-13-01'"),
        (["lookup", "851713", "--version", "eu-cn-2026"], "release 'eu-cn-2026' has not been imported"),
        (["correlate", "851713", "--from", "hs2022", "--to", "hs1988"], "unknown HS version 'hs1988'"),
        (["search", "tea", "--limit", "0"], "--limit must be between 1 and 500"),
        (["diff", "us-hts-2025r13", "hs2022"], "different nomenclatures"),
    ])
    func errors(arguments: [String], message: String) async throws {
        let r = try CommandRunner.run("corridor-data", arguments + ["--database", try await Self.database.value])
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test("a query on a missing database says how to create it, and creates nothing")
    func missingDatabase() throws {
        let path = try CommandRunner.temporaryDirectory().appendingPathComponent("none.sqlite").path
        let r = try CommandRunner.run("corridor-data", ["lookup", "851713", "--database", path])
        #expect(r.status != 0 && r.stderr.contains("corridor-data import"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a malformed file fails the import with file and line, and other files still import")
    func malformedImport() throws {
        let path = try CommandRunner.temporaryDirectory().appendingPathComponent("bad.sqlite").path
        let r = try CommandRunner.run("corridor-data", ["import", "--from", TestData.fixture("malformed/hs-bad-level").path, "--database", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("hs/hs2022.csv:4: level '4' does not match"))
        #expect(r.stdout.contains("imported  hs2017"), "the good file beside the bad one is imported: \(r.stdout)")
        let empty = try CommandRunner.run("corridor-data", ["import", "--from", "/nonexistent", "--database", path])
        #expect(empty.status != 0 && empty.stderr.contains("neither a directory nor an http(s) URL"))
    }
}
