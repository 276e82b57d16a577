import Hummingbird
import CorridorModel

extension Request {
    /// A query parameter, with empty values treated as absent.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// `as_of` as a date, or `fallback` when absent; 400 when malformed.
    func asOf(default fallback: CivilDate) throws -> (date: CivilDate, given: Bool) {
        guard let text = query("as_of") else { return (fallback, false) }
        do {
            return (try CivilDate(parsing: text), true)
        } catch {
            throw Problem.badRequest("as_of: \(error.description)")
        }
    }

    /// An integer parameter within a range, or `fallback` when absent; 400 when malformed.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A required parameter; 400 when absent.
    func required(_ name: String) throws -> String {
        guard let value = query(name) else { throw Problem.badRequest("the query parameter '\(name)' is required") }
        return value
    }
}

extension CorridorRequestContext {
    /// A path parameter that the route pattern guarantees.
    func path(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw Problem.badRequest("missing path parameter \(name)") }
        return value
    }
}
