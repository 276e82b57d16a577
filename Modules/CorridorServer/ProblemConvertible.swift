public import CorridorModel
import Hummingbird

/// A domain error that knows its HTTP problem.
public protocol ProblemConvertible: Error {
    /// The problem to answer with.
    var problem: Problem { get }
}

extension ModelError: ProblemConvertible {
    public var problem: Problem { .badRequest(description) }
}

extension ReferenceDataError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .codeNotFound, .releaseNotImported, .noReleaseInForce, .noCorrelation, .superseded, .noNationalTariffInForce:
            return Problem(status: .notFound, slug: "reference-not-found", title: "Reference data not found", detail: description)
        case .unknownRelease, .ambiguousCode, .incomparableReleases, .invalidQuery:
            return .badRequest(description)
        case .storage:
            return .internalError
        }
    }
}

extension TenantError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .enterpriseExists:
            return Problem(status: .conflict, slug: "conflict", title: "Already exists", detail: description)
        case .enterpriseNotFound, .keyNotFound:
            return .notFound(description)
        case .storage:
            return .internalError
        }
    }
}
