import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Crypto
import Foundation

/// `corridor-ledger keygen --name NAME --out FILE`: a key for a witness.
struct KeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Create a signed-note key (for a witness); writes FILE (secret) and FILE.pub.")

    @Option(help: "The key's name.") var name: String
    @Option(help: "Where to write the signer key.") var out: String

    func run() async throws {
        let key: NoteKey
        do {
            key = try NoteKey.generate(name: name)
        } catch {
            throw ValidationError(error.description)
        }
        guard let secret = key.signerKey else { throw CLIError("key generation failed") }
        try writeSecret(secret + "\n", to: out)
        try (key.verifierKey + "\n").write(toFile: out + ".pub", atomically: true, encoding: .utf8)
        print(key.verifierKey)
    }
}

/// Lower-case hex SHA-256.
func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
