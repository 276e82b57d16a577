import CorridorClassification
import CorridorCommandLine
import Foundation

/// Reads a JSON Lines file line by line, keeping each line's number and rejecting invalid UTF-8 per line.
enum JSONLines {
    /// One line: its number (from 1) and either its object or why it is unusable.
    struct Line {
        let number: Int
        let object: Result<[String: Any], ClassificationError>
    }

    /// The non-blank lines of `path` ("-" reads standard input).
    static func read(_ path: String) throws -> [Line] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIError("cannot read \(path): no such file, or it is not readable")
            }
            data = contents
        }
        var lines: [Line] = []
        var number = 0
        for slice in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var bytes = Data(slice)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard String(data: bytes, encoding: .utf8) != nil else {
                lines.append(Line(number: number, object: .failure(.invalidUTF8(context: "line \(number)"))))
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
                lines.append(Line(number: number, object: .failure(.invalidLine(number: number, reason: "not a JSON object"))))
                continue
            }
            lines.append(Line(number: number, object: .success(object)))
        }
        return lines
    }

    /// The product of a batch line: `text` (not blank), optional `category` and `attributes`. Other
    /// fields (a label, a source, a SKU) are left alone, so that labelled or enriched files can be classified as they are.
    static func product(_ object: [String: Any], line: Int) -> Result<ProductText, ClassificationError> {
        let text: String
        switch string(object, "text", line: line) {
        case .failure(let error): return .failure(error)
        case .success(let value): text = value
        }
        guard !text.allSatisfy(\.isWhitespace) else { return .failure(.invalidLine(number: line, reason: ClassificationError.emptyText.description)) }
        var product = ProductText(title: text)
        if let category = object["category"] {
            guard let value = category as? String else { return .failure(.invalidLine(number: line, reason: "'category' must be a string")) }
            product.category = value
        }
        if let attributes = object["attributes"] {
            guard let map = attributes as? [String: Any] else {
                return .failure(.invalidLine(number: line, reason: "'attributes' must be an object of name → text"))
            }
            for (name, value) in map {
                guard let text = value as? String else { return .failure(.invalidLine(number: line, reason: "'attributes.\(name)' must be a string")) }
                product.attributes[name] = text
            }
        }
        return .success(product)
    }

    /// The string field `name`, or an error naming the line.
    static func string(_ object: [String: Any], _ name: String, line: Int) -> Result<String, ClassificationError> {
        guard let value = object[name] else { return .failure(.invalidLine(number: line, reason: "'\(name)' is missing")) }
        guard let text = value as? String else { return .failure(.invalidLine(number: line, reason: "'\(name)' must be a string")) }
        return .success(text)
    }
}
