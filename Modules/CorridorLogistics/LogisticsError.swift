/// A logistics query could not be answered. Unreachable pairs and impossible constraints are not
/// errors: they are answers with a reason (``SeaRoute`` and ``RoutePlan`` say so).
public enum LogisticsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A data file is malformed.
    case malformedFile(file: String, line: Int, reason: String)
    /// A UN/LOCODE that no loaded node, port or terminal carries.
    case unknownLocation(String, suggestion: String?)
    /// A passage name that the network does not know.
    case unknownPassage(String, known: [String])
    /// A parameter out of its domain.
    case invalidParameter(name: String, reason: String)
    /// A stop that the timetable does not contain.
    case unknownStop(String)

    /// A message that says what to change.
    public var description: String {
        switch self {
        case .malformedFile(let file, let line, let reason):
            line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
        case .unknownLocation(let code, let suggestion):
            "no port, terminal or node has the UN/LOCODE '\(code)'" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .unknownPassage(let name, let known):
            "unknown passage '\(name)'; the passages are " + known.joined(separator: ", ")
        case .invalidParameter(let name, let reason):
            "\(name): \(reason)"
        case .unknownStop(let stop):
            "the timetable has no stop '\(stop)' (use a stop_id or a stop name from stops.txt)"
        }
    }
}
