/// A rules operation could not be done; the message says what to change.
public enum RulesError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file could not be read.
    case unreadableFile(String, reason: String)
    /// A file is not in the expected format.
    case malformedFile(String, reason: String)
    /// A rule pack is malformed: the file, the line (when known) and what is wrong.
    case malformedPack(file: String, line: Int?, reason: String)
    /// Two packs claim the same id, or one market twice.
    case conflictingPacks(String)
    /// A pack's golden cases fail, so it is refused.
    case failingCases(pack: String, failures: [String])
    /// An expression could not be evaluated (division by zero, a table without the row).
    case evaluation(String)
    /// No exchange rate for a currency on or before a day.
    case noExchangeRate(String, date: String)
    /// A quote request is invalid: the field and what is wrong with it.
    case invalidRequest(field: String, reason: String)
    /// No pack covers a destination.
    case unsupportedMarket(String, covered: [String])
    /// The business date is outside every effective period of a decision.
    case noRuleInForce(pack: String, decision: String, asOf: String)
    /// Two rules apply under the hit policy `unique`.
    case ambiguousRules(pack: String, decision: String, rules: [String])
    /// No such decision in the log.
    case unknownDecision(String)
    /// A replay could not use the packs of the recorded decision.
    case replayRefused(String)
    /// The decision log could not be written or read.
    case logUnavailable(String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedFile(let path, let reason): "\(path): \(reason)"
        case .malformedPack(let file, let line, let reason): "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .conflictingPacks(let reason): "packs conflict: \(reason)"
        case .failingCases(let pack, let failures): "pack \(pack) is refused: \(failures.count) golden case\(failures.count == 1 ? "" : "s") failed: " + failures.joined(separator: "; ")
        case .evaluation(let reason): "evaluation failed: \(reason)"
        case .noExchangeRate(let currency, let date): "no exchange rate for \(currency) on or before \(date); import the ECB reference rates (finance/ecb_eurofxref_hist.csv) or quote in a covered currency"
        case .invalidRequest(let field, let reason): "\(field): \(reason)"
        case .unsupportedMarket(let market, let covered): "no rule pack covers destination \(market); covered: \(covered.joined(separator: ", "))"
        case .noRuleInForce(let pack, let decision, let asOf): "pack \(pack) has no rule for \(decision) in force on \(asOf); choose a date inside the pack's effective periods"
        case .ambiguousRules(let pack, let decision, let rules): "pack \(pack), decision \(decision) (hit policy unique): rules \(rules.joined(separator: " and ")) both apply"
        case .unknownDecision(let id): "no decision \(id) in the log"
        case .replayRefused(let reason): "cannot replay: \(reason)"
        case .logUnavailable(let reason): "the decision log is unavailable: \(reason)"
        }
    }
}
