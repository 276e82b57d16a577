public import CorridorModel

/// A finance computation could not be done. Each message says what to change.
public enum FinanceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A data file is malformed at a line.
    case malformedFile(file: String, line: Int, reason: String)
    /// No source holds a series for the pair; `tried` says what each source lacked.
    case noSeries(currency: String, base: String, tried: [String])
    /// The requested dates reach outside the data the source holds for the pair.
    case outsideData(requested: String, available: String, source: String)
    /// A date range whose start is after its end.
    case emptyRange(from: CivilDate, to: CivilDate)
    /// A method needs more observations than the data gives.
    case tooFewObservations(method: String, needed: Int, got: Int)
    /// A parameter is out of its domain.
    case invalidParameter(name: String, reason: String)
    /// A feature takes a single value, so it cannot separate anything.
    case constantFeature(String)
    /// The target column does not hold exactly two outcomes.
    case targetNotBinary(column: String, values: [String])
    /// A column named on the command line or in a model is not in the data.
    case unknownColumn(String, available: [String])
    /// A numerical method did not reach a solution.
    case didNotConverge(String)
    /// A saved model cannot be used with this data or this version.
    case incompatibleModel(String)

    /// A message that says what to change.
    public var description: String {
        switch self {
        case .malformedFile(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .noSeries(let currency, let base, let tried):
            "no exchange-rate series for \(currency) against \(base); sources tried: " + tried.joined(separator: "; ")
        case .outsideData(let requested, let available, let source):
            "\(requested) is outside the data: \(source) holds \(available) for this pair"
        case .emptyRange(let from, let to):
            "the range \(from) → \(to) is empty: the start must not be after the end"
        case .tooFewObservations(let method, let needed, let got):
            "\(method) needs at least \(needed) returns, got \(got): widen the date range"
        case .invalidParameter(let name, let reason):
            "\(name): \(reason)"
        case .constantFeature(let name):
            "feature '\(name)' takes a single value in the data, so it cannot be binned or scored"
        case .targetNotBinary(let column, let values):
            "target '\(column)' must hold exactly two outcomes, found \(values.count): "
                + values.prefix(8).joined(separator: ", ") + (values.count > 8 ? ", …" : "")
        case .unknownColumn(let name, let available):
            "no column '\(name)'; the columns are " + available.joined(separator: ", ")
        case .didNotConverge(let what):
            "\(what) did not converge"
        case .incompatibleModel(let reason):
            "the model cannot be used: \(reason)"
        }
    }
}
