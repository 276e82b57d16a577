import ArgumentParser
import CorridorModel
import CorridorStore
import Foundation

/// The `--database` option every subcommand shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file.", valueName: "path"))
    var database: String = ProcessInfo.processInfo.environment["CORRIDOR_DATABASE"] ?? "corridor.sqlite"

    /// Opens the database; a query command refuses to create an empty one by accident.
    func open(mustExist: Bool) throws -> CorridorDatabase {
        if mustExist, !FileManager.default.fileExists(atPath: database) {
            throw CLIError("database \(database) does not exist; create it with `corridor-data import --from DIR --database \(database)`")
        }
        do {
            return try CorridorDatabase(path: database)
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// Output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// An error shown to the user as `Error: message`, with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Runs a reference query, turning its typed error into a user-facing one.
func query<T>(_ body: () async throws(ReferenceDataError) -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw CLIError(error.description)
    }
}

/// Parses an HS code argument.
func parseCode(_ text: String) throws -> HSCode {
    do {
        return try HSCode(text)
    } catch {
        throw ValidationError(error.description)
    }
}

/// Parses `--as-of`, defaulting to today's date in UTC (the only place the CLI reads the clock).
func parseAsOf(_ text: String?) throws -> CivilDate {
    guard let text else { return CivilDate(Date()) }
    do {
        return try CivilDate(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}

/// Prints a value as sorted, pretty JSON.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}

/// Quotes a CSV field when needed (RFC 4180).
func csvField(_ s: String?) -> String {
    guard let s else { return "" }
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
}
