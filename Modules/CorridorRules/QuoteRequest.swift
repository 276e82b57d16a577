public import CorridorModel
public import Foundation

/// A landed-cost question: what a consignment of these lines will cost to land, under the rules in
/// force on `asOf`.
///
/// ```json
/// {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"postal","currency":"EUR",
///  "seller":{"ioss_registered":true},"shipping":"5.00","insurance":"0.00",
///  "lines":[{"code":"610910","description":"cotton T-shirt","customs_value":"20.00",
///            "quantity":{"value":"2","unit":"H87"},"net_mass_kg":"0.3"}]}
/// ```
///
/// Amounts are decimal strings (a JSON number is read digit for digit). `seller` and
/// `buyer` hold the facts packs declare (`seller.ioss_registered`, `buyer.annual_cbec_total`).
public struct QuoteRequest: Sendable, Hashable, Codable {
    /// How the consignment travels commercially.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        case postal, express, freight, cbec
    }

    /// One declared line.
    public struct Line: Sendable, Hashable, Codable {
        /// The HS code as declared (6 digits, or a national line of 8 or 10), digits only.
        public let code: String
        /// What the goods are.
        public let description: String?
        /// The customs value of the line, in the request currency.
        public let customsValue: Decimal
        /// The quantity and its UN/ECE Rec 20 unit, if declared.
        public let quantity: Quantity?
        /// The net mass in kilograms, if declared.
        public let netMassKg: Decimal?
        /// A duty rate text the declarant supplies (`"12%"`), for markets whose tariff is not imported.
        public let dutyRate: String?

        /// A quantity with its unit.
        public struct Quantity: Sendable, Hashable, Codable {
            /// The amount.
            public let value: Decimal
            /// The Rec 20 unit code (`H87` pieces, `KGM`, `LTR`, `PR` pairs, `DZN`).
            public let unit: String
        }

        enum CodingKeys: String, CodingKey {
            case code, description, customsValue = "customs_value", quantity, netMassKg = "net_mass_kg", dutyRate = "duty_rate"
        }
    }

    /// The business date.
    public let asOf: CivilDate
    /// The country of origin (ISO alpha-2).
    public let origin: String
    /// The country of destination (ISO alpha-2).
    public let destination: String
    /// The channel.
    public let channel: Channel
    /// The currency of every amount in the request.
    public let currency: CurrencyCode
    /// Facts about the seller, by name without the `seller.` prefix.
    public let seller: [String: String]
    /// Facts about the buyer, by name without the `buyer.` prefix.
    public let buyer: [String: String]
    /// The transport mode (`air`, `sea`, `rail`, `road`), if known.
    public let transportMode: String?
    /// Freight to the destination.
    public let shipping: Decimal
    /// Insurance to the destination.
    public let insurance: Decimal
    /// The lines.
    public let lines: [Line]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", origin, destination, channel, currency, seller, buyer, transportMode = "transport_mode", shipping, insurance, lines
    }

    /// The most lines a quote takes.
    public static let maximumLines = 1_000

    /// Reads and checks a request; every problem names its field (`lines[1].customs_value`).
    public static func parse(_ data: Data) throws(RulesError) -> QuoteRequest {
        let document: JSONValue
        do { document = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw .invalidRequest(field: "body", reason: "not valid JSON")
        }
        guard case .object(let root) = document else { throw .invalidRequest(field: "body", reason: "must be a JSON object") }
        let known: Set<String> = ["as_of", "origin", "destination", "channel", "currency", "seller", "buyer", "transport_mode", "shipping", "insurance", "lines"]
        if let unknown = root.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidRequest(field: unknown, reason: "unknown field (fields: \(known.sorted().joined(separator: ", ")))")
        }
        func text(_ dictionary: [String: JSONValue], _ key: String, _ path: String, required: Bool = true) throws(RulesError) -> String? {
            switch dictionary[key] {
            case nil, .null?:
                if required { throw .invalidRequest(field: path, reason: "is required") }
                return nil
            case .string(let s)?: return s.trimmingCharacters(in: .whitespaces)
            case .number(let n)?: return n.description
            case .bool(let b)?: return b ? "true" : "false"
            case let other?: throw .invalidRequest(field: path, reason: "must be a string, not \(other.kind)")
            }
        }
        func amount(_ dictionary: [String: JSONValue], _ key: String, _ path: String, required: Bool) throws(RulesError) -> Decimal? {
            if case .bool? = dictionary[key] { throw .invalidRequest(field: path, reason: "must be a decimal string such as \"20.00\", not a boolean") }
            guard let raw = try text(dictionary, key, path, required: required) else { return nil }
            guard let value = Decimal(exactLiteral: raw) else { throw .invalidRequest(field: path, reason: "'\(raw)' is not a decimal number such as \"20.00\"") }
            guard value >= 0 else { throw .invalidRequest(field: path, reason: "must not be negative (\(raw))") }
            return value
        }
        func country(_ key: String) throws(RulesError) -> String {
            let raw = try text(root, key, key) ?? ""
            guard raw.count == 2, let code = try? CountryCode(raw) else {
                throw .invalidRequest(field: key, reason: "'\(raw)' is not an ISO 3166-1 alpha-2 country code")
            }
            return code.alpha2
        }
        let asOfText = try text(root, "as_of", "as_of") ?? ""
        guard let asOf = try? CivilDate(parsing: asOfText) else { throw .invalidRequest(field: "as_of", reason: "'\(asOfText)' is not a day written YYYY-MM-DD") }
        let channelText = try text(root, "channel", "channel") ?? ""
        guard let channel = Channel(rawValue: channelText) else {
            throw .invalidRequest(field: "channel", reason: "'\(channelText)' is not one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let currencyText = try text(root, "currency", "currency") ?? ""
        guard let currency = try? CurrencyCode(currencyText) else { throw .invalidRequest(field: "currency", reason: "'\(currencyText)' is not an ISO 4217 currency code") }
        func facts(_ key: String) throws(RulesError) -> [String: String] {
            switch root[key] {
            case nil, .null?: return [:]
            case .object(let dictionary)?:
                var result: [String: String] = [:]
                for name in dictionary.keys { result[name] = try text(dictionary, name, "\(key).\(name)") }
                return result
            case let other?: throw .invalidRequest(field: key, reason: "must be an object of facts, not \(other.kind)")
            }
        }
        let mode = try text(root, "transport_mode", "transport_mode", required: false)
        if let mode, !["air", "sea", "rail", "road"].contains(mode) {
            throw .invalidRequest(field: "transport_mode", reason: "'\(mode)' is not air, sea, rail or road")
        }
        guard case .array(let linesValue)? = root["lines"] else { throw .invalidRequest(field: "lines", reason: "is required: a list of lines") }
        guard !linesValue.isEmpty else { throw .invalidRequest(field: "lines", reason: "must hold at least one line") }
        guard linesValue.count <= maximumLines else { throw .invalidRequest(field: "lines", reason: "holds \(linesValue.count) lines; at most \(maximumLines)") }
        var lines: [Line] = []
        for (index, item) in linesValue.enumerated() {
            let path = "lines[\(index)]"
            guard case .object(let line) = item else { throw .invalidRequest(field: path, reason: "must be an object") }
            let lineKeys: Set<String> = ["code", "description", "customs_value", "quantity", "net_mass_kg", "duty_rate"]
            if let unknown = line.keys.sorted().first(where: { !lineKeys.contains($0) }) {
                throw .invalidRequest(field: "\(path).\(unknown)", reason: "unknown field (fields: \(lineKeys.sorted().joined(separator: ", ")))")
            }
            let rawCode = try text(line, "code", "\(path).code") ?? ""
            let code = rawCode.filter { $0 != "." && $0 != " " }
            guard code.count >= 6, code.count <= 10, code.count % 2 == 0, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalidRequest(field: "\(path).code", reason: "'\(rawCode)' is not an HS code of 6, 8 or 10 digits")
            }
            var quantity: Line.Quantity?
            switch line["quantity"] {
            case nil, .null?: break
            case .object(let q)?:
                if let unknown = q.keys.sorted().first(where: { $0 != "value" && $0 != "unit" }) {
                    throw .invalidRequest(field: "\(path).quantity.\(unknown)", reason: "unknown field (fields: unit, value)")
                }
                let unit = try text(q, "unit", "\(path).quantity.unit") ?? ""
                guard (try? UnitCode(unit)) != nil else {
                    throw .invalidRequest(field: "\(path).quantity.unit", reason: "'\(unit)' is not a UN/ECE Rec 20 unit code (H87, KGM, LTR, PR, DZN…)")
                }
                quantity = Line.Quantity(value: try amount(q, "value", "\(path).quantity.value", required: true) ?? 0, unit: unit.uppercased())
            case .some:
                throw .invalidRequest(field: "\(path).quantity", reason: "must be {\"value\": \"2\", \"unit\": \"H87\"}")
            }
            lines.append(Line(code: code, description: try text(line, "description", "\(path).description", required: false),
                              customsValue: try amount(line, "customs_value", "\(path).customs_value", required: true) ?? 0,
                              quantity: quantity, netMassKg: try amount(line, "net_mass_kg", "\(path).net_mass_kg", required: false),
                              dutyRate: try text(line, "duty_rate", "\(path).duty_rate", required: false)))
        }
        return QuoteRequest(asOf: asOf, origin: try country("origin"), destination: try country("destination"), channel: channel, currency: currency,
                            seller: try facts("seller"), buyer: try facts("buyer"), transportMode: mode,
                            shipping: try amount(root, "shipping", "shipping", required: false) ?? 0,
                            insurance: try amount(root, "insurance", "insurance", required: false) ?? 0, lines: lines)
    }
}
