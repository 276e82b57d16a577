import CorridorModel
import Foundation

/// Field readers shared by the JSON requests (quotes, origin): each error names the field's path
/// (`lines[1].customs_value`) and what a valid value looks like.
enum RequestFields {
    /// Refuses a key that is not one of `keys`.
    static func known(_ d: [String: JSONValue], _ keys: Set<String>, path: String) throws(RulesError) {
        if let unknown = d.keys.sorted().first(where: { !keys.contains($0) }) {
            throw .invalidRequest(field: path + unknown, reason: "unknown field (fields: \(keys.sorted().joined(separator: ", ")))")
        }
    }

    /// A string (a number is taken as its digits; a boolean only when `booleans` is set).
    static func text(_ d: [String: JSONValue], _ key: String, _ path: String, required: Bool = true, booleans: Bool = false) throws(RulesError) -> String? {
        switch d[key] {
        case nil, .null?:
            if required { throw .invalidRequest(field: path, reason: "is required") }
            return nil
        case .string(let s)?: return s.trimmingCharacters(in: .whitespaces)
        case .number(let n)?: return n.description
        case .bool(let b)? where booleans: return b ? "true" : "false"
        case let other?: throw .invalidRequest(field: path, reason: "must be a string, not \(other.kind)")
        }
    }

    /// A non-negative decimal amount, written as a string such as "20.00".
    static func amount(_ d: [String: JSONValue], _ key: String, _ path: String, required: Bool) throws(RulesError) -> Decimal? {
        if case .bool? = d[key] { throw .invalidRequest(field: path, reason: "must be a decimal string such as \"20.00\", not a boolean") }
        guard let raw = try text(d, key, path, required: required) else { return nil }
        guard let value = Decimal(exactLiteral: raw) else { throw .invalidRequest(field: path, reason: "'\(raw)' is not a decimal number such as \"20.00\"") }
        guard value >= 0 else { throw .invalidRequest(field: path, reason: "must not be negative (\(raw))") }
        return value
    }

    /// An ISO 3166-1 alpha-2 country.
    static func country(_ d: [String: JSONValue], _ key: String, _ path: String) throws(RulesError) -> String {
        let raw = try text(d, key, path) ?? ""
        guard raw.count == 2, let code = try? CountryCode(raw) else { throw .invalidRequest(field: path, reason: "'\(raw)' is not an ISO 3166-1 alpha-2 country code") }
        return code.alpha2
    }

    /// An ISO 4217 currency.
    static func currency(_ d: [String: JSONValue], _ key: String, _ path: String) throws(RulesError) -> CurrencyCode {
        let raw = try text(d, key, path) ?? ""
        guard let code = try? CurrencyCode(raw) else { throw .invalidRequest(field: path, reason: "'\(raw)' is not an ISO 4217 currency code") }
        return code
    }

    /// An HS code of 6, 8 or 10 digits (dots and spaces dropped).
    static func hsCode(_ d: [String: JSONValue], _ key: String, _ path: String) throws(RulesError) -> String {
        let raw = try text(d, key, path) ?? ""
        let code = raw.filter { $0 != "." && $0 != " " }
        guard code.count >= 6, code.count <= 10, code.count % 2 == 0, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidRequest(field: path, reason: "'\(raw)' is not an HS code of 6, 8 or 10 digits")
        }
        return code
    }
}
