import CorridorTestSupport
import Foundation
import Testing

/// `corridor-ledger` end to end, including the kill -9 loop on a small number of kills.
@Suite("corridor-ledger CLI", .serialized)
struct CorridorLedgerCLITests {
    func run(_ arguments: [String], stdin: String? = nil) throws -> CommandRunner.Result {
        guard let stdin else { return try CommandRunner.run("corridor-ledger", arguments) }
        let file = try CommandRunner.temporaryDirectory().appendingPathComponent("stdin")
        try stdin.write(to: file, atomically: true, encoding: .utf8)
        return try CommandRunner.run("/bin/sh", ["-c", "\"$0\" \"$@\" < '\(file.path)'", CommandRunner.productsDirectory.appendingPathComponent("corridor-ledger").path] + arguments)
    }

    func json(_ r: CommandRunner.Result) throws -> [String: Any] {
        guard r.status == 0 else { throw Unexpected(text: r.stderr) }
        guard let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else { throw Unexpected(text: r.stdout) }
        return object
    }

    struct Unexpected: Error { let text: String }

    @Test("init, append, prove, consistency, checkpoint, bundle, cosign and fsck keep their JSON contract")
    func contract() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let log = dir.appendingPathComponent("log").path
        #expect(try run(["init", "--log", log, "--origin", "corridor.test/evidence"]).status == 0)
        #expect(try run(["init", "--log", log, "--origin", "again"]).stderr.contains("already exists"))
        let appended = try json(try run(["append", "--log", log, "--format", "json"], stdin: "alpha\nbeta\ngamma\n中文\n"))
        #expect(appended["indices"] as? [Int] == [0, 1, 2, 3])
        let document = dir.appendingPathComponent("invoice.pdf")
        try Data("%PDF invoice 7".utf8).write(to: document)
        let fileAppend = try run(["append", "--log", log, document.path, "--meta", "type=invoice"])
        #expect(fileAppend.stdout.hasPrefix("4\t"))
        #expect(try run(["show", "3", "--log", log]).stdout == "中文\n", "a stdin entry is the line's UTF-8 bytes")
        let expected = dir.appendingPathComponent("expected.txt")
        try "0 alpha\n3 中文\n".write(to: expected, atomically: true, encoding: .utf8)
        #expect(try run(["check-entries", expected.path, "--log", log]).stdout.contains("2 entries hold their data"))
        try "1 gamma\n".write(to: expected, atomically: true, encoding: .utf8)
        let mismatch = try run(["check-entries", expected.path, "--log", log])
        #expect(mismatch.status != 0 && mismatch.stderr.contains("entry 1 holds 'beta'"))

        let prove = try json(try run(["prove", "2", "--log", log, "--format", "json"]))
        #expect(Set(prove.keys) == ["index", "tree_size", "leaf_hash", "root", "proof"])
        #expect(prove["tree_size"] as? Int == 5)
        let consistency = try json(try run(["consistency", "2", "5", "--log", log, "--format", "json"]))
        #expect(Set(consistency.keys) == ["old_size", "new_size", "old_root", "new_root", "proof"])
        #expect(consistency["new_root"] as? String == prove["root"] as? String)
        let checkpoint = try json(try run(["checkpoint", "--log", log, "--format", "json"]))
        #expect(Set(checkpoint.keys) == ["size", "root", "note"])
        #expect((checkpoint["note"] as? String)?.hasPrefix("corridor.test/evidence\n5\n") == true)
        #expect((checkpoint["note"] as? String)?.contains("\n\n\u{2014} corridor.test/evidence ") == true)

        let bundle = dir.appendingPathComponent("bundle.json").path
        #expect(try run(["export-bundle", "4", "--log", log, "--output", bundle]).status == 0)
        let pub = URL(fileURLWithPath: log).appendingPathComponent("log.pub").path
        let ok = try run(["verify-bundle", bundle, "--key", pub, "--document", document.path])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("OK: entry 4"), "\(ok.stderr)")
        let original = try Data(contentsOf: URL(fileURLWithPath: bundle))
        var spaced = original
        if let at = spaced.firstIndex(of: UInt8(ascii: " ")) { spaced[at] = UInt8(ascii: "\t") }
        let spacedFile = dir.appendingPathComponent("spaced.json")
        try spaced.write(to: spacedFile)
        let layout = try run(["verify-bundle", spacedFile.path, "--key", pub])
        #expect(layout.status != 0 && layout.stderr.contains("byte for byte"), "a whitespace change is a change: \(layout.stderr)")
        var bytes = original
        if let at = bytes.firstIndex(of: UInt8(ascii: "4")) { bytes[at] = UInt8(ascii: "3") }
        try bytes.write(to: URL(fileURLWithPath: bundle))
        let bad = try run(["verify-bundle", bundle, "--key", pub])
        #expect(bad.status != 0 && bad.stderr.hasPrefix("Error:"), "a one-byte change is caught: \(bad.stderr)")

        let witness = dir.appendingPathComponent("witness.key").path
        #expect(try run(["keygen", "--name", "witness.test", "--out", witness]).status == 0)
        let note = dir.appendingPathComponent("checkpoint.txt")
        try (checkpoint["note"] as? String ?? "").write(to: note, atomically: true, encoding: .utf8)
        let cosigned = try run(["cosign", "--checkpoint", note.path, "--key", witness, "--log-key", pub])
        #expect(cosigned.status == 0 && cosigned.stdout.contains("\u{2014} witness.test "))

        let fsck = try run(["fsck", "--log", log])
        #expect(fsck.status == 0 && fsck.stdout.contains("5 entries") && fsck.stdout.contains("clean"))
        #expect(FileManager.default.fileExists(atPath: URL(fileURLWithPath: log).appendingPathComponent("checkpoint").path),
                "the last signed checkpoint is kept for fsck")
        #expect(try run(["prove", "9", "--log", log]).status != 0)
        #expect(try run(["consistency", "0", "3", "--log", log]).stderr.contains("empty tree"))
        #expect(try run(["prove", "0", "--log", dir.appendingPathComponent("none").path]).stderr.contains("corridor-ledger init"))
    }

    @Test("desensitize applies a YAML policy to a JSON document")
    func desensitize() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let doc = dir.appendingPathComponent("doc.json")
        try #"{"buyer":{"name":"张三丰","phone":"13812345678","email":"zs@example.cn","id":"110101199003074578"},"amount":2500,"issued":"2026-07-14","postcode":"518000"}"#
            .write(to: doc, atomically: true, encoding: .utf8)
        let key = dir.appendingPathComponent("key")
        try "0123456789abcdef0123456789abcdef".write(to: key, atomically: true, encoding: .utf8)
        let policy = TestData.fixture("ledger/invoice-policy.yaml").path
        let out = try json(try run(["desensitize", "--policy", policy, "--key-file", key.path, doc.path]))
        let buyer = out["buyer"] as? [String: Any]
        #expect(buyer?["name"] as? String == "张**" && buyer?["id"] as? String == "[REDACTED]")
        #expect(out["postcode"] as? String == "518***" && out["amount"] as? String == "[2000, 3000)")
        let noKey = try run(["desensitize", "--policy", policy, doc.path])
        #expect(noKey.status != 0 && noKey.stderr.contains("at least 16 bytes"))
    }

    @Test("assess-transfer counts an exporter's volumes across runs and logs each decision")
    func assessTransfer() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let log = dir.appendingPathComponent("log").path
        #expect(try run(["init", "--log", log, "--origin", "corridor.test/evidence"]).status == 0)
        let request = dir.appendingPathComponent("t.json")
        try #"{"regime":"china","exporter":"acme","destination":"VN","categories":["personal"],"individuals":70000,"purpose":"other"}"#
            .write(to: request, atomically: true, encoding: .utf8)
        let first = try json(try run(["assess-transfer", "--file", request.path, "--log", log, "--as-of", "2026-02-01", "--format", "json"]))
        #expect((first["decision"] as? [String: Any])?["mechanism"] as? String == "exempt")
        let second = try json(try run(["assess-transfer", "--file", request.path, "--log", log, "--as-of", "2026-05-01", "--format", "json"]))
        #expect((second["decision"] as? [String: Any])?["mechanism"] as? String == "standard-contract-or-certification")
        #expect(second["index"] as? Int == 1)
        #expect(try run(["show", "1", "--log", log]).stdout.contains("corridor-transfer-assessment/v1"))
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"regime":"china","exporter":"acme","destination":"XX","categories":["personal"],"purpose":"other"}"#.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try run(["assess-transfer", "--file", bad.path, "--log", log])
        #expect(refused.status != 0 && refused.stderr.contains("unknown country 'XX'"), "\(refused.stderr)")
    }

    @Test("kill -9 loop: after every kill fsck is clean and every reported index holds its line")
    func crashLoop() throws {
        let script = TestData.packageRoot.appendingPathComponent("Scripts/ledger-crash-test").path
        let r = try CommandRunner.run("/bin/bash", [script, "12", CommandRunner.productsDirectory.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("12 kills"))
    }
}
