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
        /// Facts about the line that packs declare as `line.<name>` (e.g. `embedded_emissions_t_per_t` for CBAM).
        public let facts: [String: String]

        /// A quantity with its unit.
        public struct Quantity: Sendable, Hashable, Codable {
            /// The amount.
            public let value: Decimal
            /// The Rec 20 unit code (`H87` pieces, `KGM`, `LTR`, `PR` pairs, `DZN`).
            public let unit: String
        }

        enum CodingKeys: String, CodingKey {
            case code, description, customsValue = "customs_value", quantity, netMassKg = "net_mass_kg", dutyRate = "duty_rate", facts
        }

        init(code: String, description: String?, customsValue: Decimal, quantity: Quantity?, netMassKg: Decimal?, dutyRate: String?, facts: [String: String]) {
            self.code = code
            self.description = description
            self.customsValue = customsValue
            self.quantity = quantity
            self.netMassKg = netMassKg
            self.dutyRate = dutyRate
            self.facts = facts
        }

        /// Decodes a recorded line; records made before lines had `facts` decode with none.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(code: try c.decode(String.self, forKey: .code), description: try c.decodeIfPresent(String.self, forKey: .description),
                      customsValue: try c.decode(Decimal.self, forKey: .customsValue), quantity: try c.decodeIfPresent(Quantity.self, forKey: .quantity),
                      netMassKg: try c.decodeIfPresent(Decimal.self, forKey: .netMassKg), dutyRate: try c.decodeIfPresent(String.self, forKey: .dutyRate),
                      facts: try c.decodeIfPresent([String: String].self, forKey: .facts) ?? [:])
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
        try RequestFields.known(root, ["as_of", "origin", "destination", "channel", "currency", "seller", "buyer", "transport_mode", "shipping", "insurance", "lines"], path: "")
        func text(_ d: [String: JSONValue], _ key: String, _ path: String, required: Bool = true) throws(RulesError) -> String? {
            try RequestFields.text(d, key, path, required: required, booleans: true)
        }
        func amount(_ d: [String: JSONValue], _ key: String, _ path: String, required: Bool) throws(RulesError) -> Decimal? {
            try RequestFields.amount(d, key, path, required: required)
        }
        func country(_ key: String) throws(RulesError) -> String { try RequestFields.country(root, key, key) }
        let asOfText = try text(root, "as_of", "as_of") ?? ""
        guard let asOf = try? CivilDate(parsing: asOfText) else { throw .invalidRequest(field: "as_of", reason: "'\(asOfText)' is not a day written YYYY-MM-DD") }
        let channelText = try text(root, "channel", "channel") ?? ""
        guard let channel = Channel(rawValue: channelText) else {
            throw .invalidRequest(field: "channel", reason: "'\(channelText)' is not one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let currency = try RequestFields.currency(root, "currency", "currency")
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
            try RequestFields.known(line, ["code", "description", "customs_value", "quantity", "net_mass_kg", "duty_rate", "facts"], path: "\(path).")
            var lineFacts: [String: String] = [:]
            switch line["facts"] {
            case nil, .null?: break
            case .object(let dictionary)?:
                for name in dictionary.keys { lineFacts[name] = try text(dictionary, name, "\(path).facts.\(name)") }
            case let other?: throw .invalidRequest(field: "\(path).facts", reason: "must be an object of facts, not \(other.kind)")
            }
            let code = try RequestFields.hsCode(line, "code", "\(path).code")
            var quantity: Line.Quantity?
            switch line["quantity"] {
            case nil, .null?: break
            case .object(let q)?:
                try RequestFields.known(q, ["unit", "value"], path: "\(path).quantity.")
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
                              dutyRate: try text(line, "duty_rate", "\(path).duty_rate", required: false), facts: lineFacts))
        }
        return QuoteRequest(asOf: asOf, origin: try country("origin"), destination: try country("destination"), channel: channel, currency: currency,
                            seller: try facts("seller"), buyer: try facts("buyer"), transportMode: mode,
                            shipping: try amount(root, "shipping", "shipping", required: false) ?? 0,
                            insurance: try amount(root, "insurance", "insurance", required: false) ?? 0, lines: lines)
    }
}

