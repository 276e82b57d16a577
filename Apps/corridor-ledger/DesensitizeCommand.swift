import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Foundation
import Yams

/// `corridor-ledger desensitize --policy P.yaml [FILE]`: apply a field policy to a JSON document.
struct DesensitizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desensitize",
        abstract: "Apply a desensitization policy (YAML) to a JSON document from FILE or stdin.",
        discussion: "Keys for pseudonymize (≥ 16 bytes) and encrypt (32 bytes) come from --key-file, as raw bytes or 64 hex digits.")

    @Option(help: "The policy file (YAML).") var policy: String
    @Option(name: .customLong("key-file"), help: "The key for pseudonymize and encrypt.") var keyFile: String?
    @Argument(help: "The JSON document (default: stdin).") var file: String?

    func run() async throws {
        guard let policyText = try? String(contentsOfFile: policy, encoding: .utf8) else { throw CLIError("cannot read \(policy)") }
        let parsed: DesensitizationPolicy
        do {
            parsed = try YAMLDecoder().decode(DesensitizationPolicy.self, from: policyText)
        } catch {
            throw CLIError("\(policy): \(error)")
        }
        let input = file.map { FileManager.default.contents(atPath: $0) } ?? FileHandle.standardInput.readDataToEndOfFile()
        guard let input, let document = try? JSONSerialization.jsonObject(with: input) as? [String: Any] else {
            throw CLIError("the document must be a JSON object")
        }
        var key: [UInt8]?
        if let keyFile {
            guard let raw = FileManager.default.contents(atPath: keyFile) else { throw CLIError("cannot read \(keyFile)") }
            let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            key = text.count == 64 && text.allSatisfy(\.isHexDigit)
                ? stride(from: 0, to: 64, by: 2).compactMap { UInt8(text[text.index(text.startIndex, offsetBy: $0)..<text.index(text.startIndex, offsetBy: $0 + 2)], radix: 16) }
                : Array(text.utf8)  // raw key text, without a trailing newline
        }
        do {
            let out = try parsed.apply(to: document, key: key)
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } catch let error as DesensitizationError {
            throw CLIError(error.description)
        }
    }
}
