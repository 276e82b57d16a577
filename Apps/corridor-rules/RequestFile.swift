import CorridorCommandLine
import Foundation

/// Reads a request file, or standard input for `-`.
enum RequestFile {
    static func read(_ file: String) throws -> Data {
        do {
            return file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError("cannot read \(file): \(error.localizedDescription)")
        }
    }
}
