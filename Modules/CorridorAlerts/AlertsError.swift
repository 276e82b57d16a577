/// An alerts operation could not be done. Rejected records inside a page are not errors: they are
/// reported in ``IngestReport/rejected`` while the rest of the page is ingested.
public enum AlertsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A whole page or file cannot be read.
    case malformedPage(source: String, reason: String)
    /// A subscription or portfolio is invalid.
    case invalidSubscription(String)
    /// A page is larger than the limit.
    case oversized(bytes: Int, limit: Int)
    /// A pipeline or delivery setting is invalid.
    case invalidConfiguration(String)
    /// A feed could not be fetched.
    case fetchFailed(url: String, reason: String)

    /// A message that says what to change.
    public var description: String {
        switch self {
        case .malformedPage(let source, let reason): "\(source): \(reason)"
        case .invalidSubscription(let reason): "invalid subscription: \(reason)"
        case .oversized(let bytes, let limit): "the page is \(bytes) bytes; the limit is \(limit)"
        case .invalidConfiguration(let reason): "invalid alerts configuration: \(reason)"
        case .fetchFailed(let url, let reason): "cannot fetch \(url): \(reason)"
        }
    }
}
