import Foundation

/// One Alertmanager-style label matcher: `name=value`, `name!=value`, `name=~regex` or
/// `name!~regex`. Regular expressions are anchored at both ends, as in Alertmanager.
public struct LabelMatcher: Sendable, Equatable, Codable, CustomStringConvertible {
    /// How the value is compared.
    public enum Operator: String, Sendable, Codable, CaseIterable {
        case equal = "=", notEqual = "!=", matchesRegex = "=~", notMatchesRegex = "!~"
    }

    /// The label name.
    public let name: String
    /// The comparison.
    public let op: Operator
    /// The value or pattern.
    public let value: String
    private let regex: NSRegularExpression?

    /// Creates a matcher; a pattern that does not compile is refused.
    public init(name: String, op: Operator, value: String) throws(ModelError) {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw .invalidField(name: "matcher", reason: "label name '\(name)' must be letters, digits or '_'")
        }
        self.name = name
        self.op = op
        self.value = value
        if op == .matchesRegex || op == .notMatchesRegex {
            do {
                regex = try NSRegularExpression(pattern: "^(?:\(value))$")
            } catch {
                throw .invalidField(name: "matcher", reason: "'\(value)' in \(name)\(op.rawValue)… is not a regular expression")
            }
        } else {
            regex = nil
        }
    }

    /// Parses `name=value`, `name!=value`, `name=~regex` or `name!~regex`; quotes around the value are removed.
    public init(parsing text: String) throws(ModelError) {
        let ops: [Operator] = [.notMatchesRegex, .notEqual, .matchesRegex, .equal]
        for op in ops {
            guard let range = text.range(of: op.rawValue) else { continue }
            // The first operator in the text wins: `a=~b` is not `a` = `~b`.
            let earlier = ops.compactMap { text.range(of: $0.rawValue)?.lowerBound }.min()
            guard range.lowerBound == earlier else { continue }
            var value = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            try self.init(name: String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces), op: op, value: value)
            return
        }
        throw .invalidField(name: "matcher", reason: "'\(text)' is not name=value, name!=value, name=~regex or name!~regex")
    }

    /// Whether the labels satisfy the matcher; a missing label is the empty string.
    public func matches(_ labels: [String: String]) -> Bool {
        let actual = labels[name] ?? ""
        switch op {
        case .equal: return actual == value
        case .notEqual: return actual != value
        case .matchesRegex, .notMatchesRegex:
            let range = NSRange(actual.startIndex..., in: actual)
            let hit = regex?.firstMatch(in: actual, range: range) != nil
            return op == .matchesRegex ? hit : !hit
        }
    }

    public var description: String { "\(name)\(op.rawValue)\"\(value)\"" }

    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.name == rhs.name && lhs.op == rhs.op && lhs.value == rhs.value
    }

    private enum CodingKeys: String, CodingKey { case name, op, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(name: c.decode(String.self, forKey: .name), op: c.decode(Operator.self, forKey: .op), value: c.decode(String.self, forKey: .value))
        } catch let error as ModelError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(op, forKey: .op)
        try c.encode(value, forKey: .value)
    }
}
