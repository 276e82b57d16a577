import Foundation

/// Which operator applies to which field of a document schema, e.g. for an invoice:
///
/// ```yaml
/// schema: invoice
/// fields:
///   buyer.name:  { op: mask, keepFirst: 1 }
///   buyer.phone: { op: mask, keepLast: 4 }
///   buyer.email: { op: pseudonymize }
///   buyer.id:    { op: redact }
///   amount:      { op: generalize, bucket: 1000 }
///   issued:      { op: generalize, to: month }
///   postcode:    { op: generalize, keep: 3 }
/// ```
///
/// Field paths are dot-separated keys into a JSON object. Fields the policy does not name are
/// kept as they are; a named field that is absent is skipped.
public struct DesensitizationPolicy: Sendable, Decodable {
    /// The document schema the policy is for.
    public let schema: String
    /// Field path → operator.
    public let fields: [String: FieldOperator]

    /// Creates a policy.
    public init(schema: String, fields: [String: FieldOperator]) {
        self.schema = schema
        self.fields = fields
    }

    private struct Rule: Decodable {
        let op: String
        let keepFirst: Int?
        let keepLast: Int?
        let with: String?
        let text: String?
        let to: String?
        let keep: Int?
        let bucket: Double?
    }

    private enum CodingKeys: String, CodingKey { case schema, fields }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        var fields: [String: FieldOperator] = [:]
        for (path, rule) in try c.decode([String: Rule].self, forKey: .fields) {
            fields[path] = try Self.fieldOperator(for: rule, path: path)
        }
        self.fields = fields
    }

    private static func fieldOperator(for rule: Rule, path: String) throws(DesensitizationError) -> FieldOperator {
        switch rule.op {
        case "mask":
            let symbol = rule.with?.first ?? "*"
            return .mask(keepFirst: min(max(0, rule.keepFirst ?? 0), 1_000), keepLast: min(max(0, rule.keepLast ?? 0), 1_000), with: symbol)
        case "redact": return .redact
        case "replace": return .replace(rule.text ?? "")
        case "pseudonymize": return .pseudonymize
        case "encrypt": return .encrypt
        case "generalize":
            if rule.to == "month" { return .generalize(.dateToMonth) }
            if let keep = rule.keep, keep >= 0 { return .generalize(.prefix(keep: keep)) }
            if let width = rule.bucket, width > 0 { return .generalize(.bucket(width: Decimal(width))) }
            throw .badPolicy("\(path): generalize needs 'to: month', 'keep: N' or 'bucket: WIDTH'")
        default:
            throw .badPolicy("\(path): unknown op '\(rule.op)'; use mask, redact, replace, pseudonymize, encrypt or generalize")
        }
    }

    /// Applies the policy to a JSON object, returning the desensitized object. Numbers and other
    /// scalars named by the policy are treated as their text.
    public func apply(to document: [String: Any], key: [UInt8]? = nil) throws(DesensitizationError) -> [String: Any] {
        var result = document
        for (path, op) in fields.sorted(by: { $0.key < $1.key }) {
            try Self.update(&result, path: path.split(separator: ".").map(String.init)[...], op: op, key: key, context: path)
        }
        return result
    }

    private static func update(_ object: inout [String: Any], path: ArraySlice<String>, op: FieldOperator, key: [UInt8]?, context: String) throws(DesensitizationError) {
        guard let head = path.first, let value = object[head] else { return }
        if path.count == 1 {
            guard !(value is [String: Any]) && !(value is [Any]) else {
                throw .badPolicy("'\(head)' is an object or list; name the fields inside it")
            }
            object[head] = try op.apply(to: "\(value)", key: key, context: context)
        } else if var inner = value as? [String: Any] {
            try update(&inner, path: path.dropFirst(), op: op, key: key, context: context)
            object[head] = inner
        } else if let list = value as? [Any] {
            // A path through a list applies to every element: `lines.buyer` covers each line's buyer.
            var out: [Any] = []
            for element in list {
                guard var inner = element as? [String: Any] else {
                    throw .badPolicy("'\(head)' is a list of values; a policy path must end at a field")
                }
                try update(&inner, path: path.dropFirst(), op: op, key: key, context: context)
                out.append(inner)
            }
            object[head] = out
        } else {
            throw .badPolicy("'\(head)' is a value, but the policy path continues past it")
        }
    }
}
