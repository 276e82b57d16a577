public import CorridorModel

/// A lookup table in a pack, called like a function: `vat_rate(destination)`.
///
/// Keys are codes or texts; a key with no row is an evaluation error that names the table and the
/// key, never a silent default, unless the pack gives `default:`.
public struct RuleTable: Sendable {
    /// The table's name.
    public let name: String
    /// The type of the key.
    public let keyType: RuleType
    /// The type of each value.
    public let valueType: RuleType
    /// The rows, by key text.
    public let rows: [String: RuleValue]
    /// The value for keys without a row, if the pack gives one.
    public let defaultValue: RuleValue?
    /// The source id the rows are cited from.
    public let source: String?

    /// Creates a table.
    public init(name: String, keyType: RuleType, valueType: RuleType, rows: [String: RuleValue], defaultValue: RuleValue?, source: String?) {
        self.name = name
        self.keyType = keyType
        self.valueType = valueType
        self.rows = rows
        self.defaultValue = defaultValue
        self.source = source
    }
}
