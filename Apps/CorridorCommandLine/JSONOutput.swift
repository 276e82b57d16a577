public import Foundation

/// JSON as every Corridor CLI prints it: pretty, keys sorted, slashes unescaped, non-finite numbers as strings.
public enum JSONOutput {
    /// The value as JSON text; `pretty: false` gives one line (JSON Lines).
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Prints a value as JSON on standard output.
public func printJSON<T: Encodable>(_ value: T) throws {
    print(try JSONOutput.string(value))
}

/// Writes a drawing (or any text) to a file and says where on standard error.
public func writeSVG(_ svg: String, to path: String) throws {
    do {
        try svg.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw CLIError("cannot write \(path): \(error.localizedDescription)")
    }
    FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
}
