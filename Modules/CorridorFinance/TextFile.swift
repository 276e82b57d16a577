import Foundation

/// Reads the engine's input files as UTF-8 text, with an error that names the file.
enum TextFile {
    static func read(_ url: URL) throws(FinanceError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .malformedFile(file: url.path, line: 0, reason: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
    }
}
