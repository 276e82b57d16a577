import ArgumentParser
import CorridorCommandLine
import CorridorModel
import Foundation

// Helpers shared by the subcommands.

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

/// Parses `--as-of`, defaulting to today in the local time zone (the only place the CLI reads the clock).
func parseAsOf(_ text: String?) throws -> CivilDate {
    guard let text else { return CivilDate(Date(), timeZone: .current) }
    do {
        return try CivilDate(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}

/// Quotes a CSV field when needed (RFC 4180).
func csvField(_ s: String?) -> String {
    guard let s else { return "" }
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
}
