public import CorridorModel
public import Foundation

/// A question of origin: a product, where it is made and where it goes, its FOB value, and its bill
/// of materials.
///
/// ```json
/// {"agreement":"RCEP","product":{"code":"610910","description":"cotton T-shirt","net_weight_kg":"0.25"},
///  "produced_in":"VN","export_to":"JP","currency":"USD","fob":"10.00",
///  "costs":{"direct_labour":"1.20","direct_overhead":"0.40","profit":"0.60","other":"0.30"},
///  "materials":[{"code":"600622","description":"knitted cotton fabric","origin":"CN","originating":true,"value":"4.00","weight_kg":"0.2"},
///               {"code":"960621","description":"buttons","origin":"TR","value":"0.20","weight_kg":"0.01"}]}
/// ```
///
/// A material from a Party counts as originating only with `"originating": true` (a proof of origin
/// is held for it); otherwise it is treated as non-originating, and the report says so.
public struct OriginRequest: Sendable, Hashable {
    /// One material of the bill.
    public struct Material: Sendable, Hashable {
        /// Its HS code (6 digits or more), digits only.
        public let code: String
        /// What it is.
        public let description: String?
        /// Its country of origin (ISO alpha-2).
        public let origin: String
        /// Whether it is declared originating under the agreement (a proof of origin is held).
        public let originating: Bool?
        /// Its value (CIF or first ascertainable price, in `currency`).
        public let value: Decimal
        /// Its weight, for the textile de minimis.
        public let weightKg: Decimal?
    }

    /// The agreement (`RCEP`).
    public let agreement: String
    /// The product's HS code, digits only.
    public let code: String
    /// What it is.
    public let description: String?
    /// The product's net weight, for the textile de minimis.
    public let netWeightKg: Decimal?
    /// Whether the product is wholly obtained or produced in the Party (minerals extracted, animals born and raised, …).
    public let whollyObtained: Bool
    /// The Party of production.
    public let producedIn: String
    /// The Party of destination.
    public let exportTo: String
    /// The currency of the values.
    public let currency: CurrencyCode
    /// The FOB value of the good.
    public let fob: Decimal
    /// The build-up costs (direct labour, direct overhead, profit, other), if given.
    public let costs: [String: Decimal]
    /// The bill of materials.
    public let materials: [Material]

    /// Reads and checks a request; every problem names its field.
    public static func parse(_ data: Data) throws(RulesError) -> OriginRequest {
        try parse(document: try document(data))
    }

    /// The request body as a JSON document, numbers kept exactly.
    static func document(_ data: Data) throws(RulesError) -> JSONValue {
        do { return try JSONDecoder().decode(JSONValue.self, from: data) } catch { throw .invalidRequest(field: "body", reason: "not valid JSON") }
    }

    /// Checks a request already read as a JSON document.
    static func parse(document: JSONValue) throws(RulesError) -> OriginRequest {
        guard case .object(let root) = document else { throw .invalidRequest(field: "body", reason: "must be a JSON object") }
        try RequestFields.known(root, ["agreement", "product", "produced_in", "export_to", "currency", "fob", "costs", "materials"], path: "")
        let text = { (d: [String: JSONValue], key: String, path: String, required: Bool) throws(RulesError) -> String? in
            try RequestFields.text(d, key, path, required: required)
        }
        func amount(_ d: [String: JSONValue], _ key: String, _ path: String, required: Bool) throws(RulesError) -> Decimal? {
            try RequestFields.amount(d, key, path, required: required)
        }
        guard case .object(let product)? = root["product"] else { throw .invalidRequest(field: "product", reason: "is required: {\"code\": \"610910\"}") }
        try RequestFields.known(product, ["code", "description", "net_weight_kg", "wholly_obtained"], path: "product.")
        var wholly = false
        if case .bool(let b)? = product["wholly_obtained"] { wholly = b } else if product["wholly_obtained"] != nil {
            throw .invalidRequest(field: "product.wholly_obtained", reason: "must be true or false")
        }
        let currency = try RequestFields.currency(root, "currency", "currency")
        guard let fob = try amount(root, "fob", "fob", required: true), fob > 0 else { throw .invalidRequest(field: "fob", reason: "must be more than 0") }
        var costs: [String: Decimal] = [:]
        if case .object(let c)? = root["costs"] {
            try RequestFields.known(c, ["direct_labour", "direct_overhead", "profit", "other"], path: "costs.")
            for key in c.keys.sorted() { costs[key] = try amount(c, key, "costs.\(key)", required: true) }
        } else if root["costs"] != nil {
            throw .invalidRequest(field: "costs", reason: "must be an object of amounts")
        }
        var materials: [Material] = []
        switch root["materials"] {
        case .array(let items)?:
            for (i, item) in items.enumerated() {
                let path = "materials[\(i)]"
                guard case .object(let m) = item else { throw .invalidRequest(field: path, reason: "must be an object") }
                try RequestFields.known(m, ["code", "description", "origin", "originating", "value", "weight_kg"], path: "\(path).")
                var originating: Bool?
                if case .bool(let b)? = m["originating"] { originating = b } else if m["originating"] != nil, m["originating"] != .null {
                    throw .invalidRequest(field: "\(path).originating", reason: "must be true or false")
                }
                materials.append(Material(code: try RequestFields.hsCode(m, "code", "\(path).code"), description: try text(m, "description", "\(path).description", false),
                                          origin: try RequestFields.country(m, "origin", "\(path).origin"), originating: originating,
                                          value: try amount(m, "value", "\(path).value", required: true) ?? 0,
                                          weightKg: try amount(m, "weight_kg", "\(path).weight_kg", required: false)))
            }
        case nil, .null?: break
        case .some: throw .invalidRequest(field: "materials", reason: "must be a list of materials")
        }
        guard wholly || !materials.isEmpty else { throw .invalidRequest(field: "materials", reason: "is required unless product.wholly_obtained is true") }
        if wholly, let index = materials.firstIndex(where: { $0.originating != true }) {
            throw .invalidRequest(field: "materials[\(index)]", reason: "a wholly obtained good has no non-originating materials; remove wholly_obtained or declare the material originating")
        }
        let producedIn = try RequestFields.country(root, "produced_in", "produced_in"), exportTo = try RequestFields.country(root, "export_to", "export_to")
        guard producedIn != exportTo else { throw .invalidRequest(field: "export_to", reason: "is the country of production (\(producedIn)); origin matters for export to another party") }
        return OriginRequest(agreement: try text(root, "agreement", "agreement", true) ?? "", code: try RequestFields.hsCode(product, "code", "product.code"),
                             description: try text(product, "description", "product.description", false),
                             netWeightKg: try amount(product, "net_weight_kg", "product.net_weight_kg", required: false), whollyObtained: wholly,
                             producedIn: producedIn, exportTo: exportTo,
                             currency: currency, fob: fob, costs: costs, materials: materials)
    }
}
