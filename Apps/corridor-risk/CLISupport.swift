import ArgumentParser
import CorridorCommandLine
import CorridorFinance
import CorridorModel
import Foundation

/// Output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Runs engine code, turning its typed error into a user-facing one.
func finance<T>(_ body: () throws(FinanceError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError(error.description)
    }
}

extension DataOptions {
    func rates() throws -> FXRates {
        try finance { () throws(FinanceError) in try FXRates(dataDirectory: directory) }
    }
}

/// The pair and range options shared by the FX commands.
struct PairOptions: ParsableArguments {
    @Option(help: "Currency the value is expressed in, e.g. EUR.")
    var base: String
    @Option(help: "Currency one unit of which is valued, e.g. CNY.")
    var currency: String
    @Option(help: "First rate date, YYYY-MM-DD.")
    var from: String
    @Option(help: "Last rate date, YYYY-MM-DD.")
    var to: String

    func resolved() throws -> (base: CurrencyCode, currency: CurrencyCode, from: CivilDate, to: CivilDate) {
        (try code(base, "--base"), try code(currency, "--currency"), try date(from, "--from"), try date(to, "--to"))
    }
}

func code(_ text: String, _ option: String) throws -> CurrencyCode {
    do {
        return try CurrencyCode(text.uppercased())
    } catch {
        throw ValidationError("\(option): \(error.description)")
    }
}

func date(_ text: String, _ option: String) throws -> CivilDate {
    do {
        return try CivilDate(parsing: text)
    } catch {
        throw ValidationError("\(option): \(error.description)")
    }
}

/// A decimal option value ("0.015", "250000.00").
func decimal(_ text: String, _ option: String) throws -> Decimal {
    guard let value = Decimal(exactLiteral: text) else {
        throw ValidationError("\(option): '\(text)' is not a decimal number such as 0.015")
    }
    return value
}

/// Reads a JSON file into a Decodable, with a message that names the file and the problem.
func readJSON<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw CLIError("cannot read \(path): \(error.localizedDescription)")
    }
    do {
        return try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
        throw CLIError("\(path): \(describe(error))")
    } catch {
        throw CLIError("\(path): \(error)")
    }
}

/// A DecodingError as one readable line: where, and what.
func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { out, key in
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing '\(path(context.codingPath + [key]))'"
    case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
    case .dataCorrupted(let context):
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return (context.codingPath.isEmpty ? "" : "\(path(context.codingPath)): ") + (underlying ?? context.debugDescription)
    @unknown default: return "\(error)"
    }
}

/// Formats a fraction as a percentage with 4 decimals.
func percent(_ x: Double) -> String { String(format: "%.4f%%", x * 100) }

/// Formats an amount with 2 decimals and thousands separators (1,750,255.32).
func amount(_ x: Double) -> String {
    let fixed = String(format: "%.2f", abs(x))
    let parts = fixed.split(separator: ".")
    let whole = String(parts[0])
    var grouped = ""
    for (i, ch) in whole.enumerated() {
        if i > 0, (whole.count - i) % 3 == 0 { grouped.append(",") }
        grouped.append(ch)
    }
    return (x < 0 ? "-" : "") + grouped + "." + (parts.count > 1 ? String(parts[1]) : "00")
}
