public import CorridorModel
public import CorridorFinance
public import CorridorLogistics
public import CorridorAlerts
public import CorridorRules
public import CorridorClassification
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

extension FinanceError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .noSeries:
            return Problem(status: .notFound, slug: "fx-series-not-found", title: "No exchange-rate series", detail: description)
        case .outsideData, .emptyRange, .tooFewObservations, .invalidParameter, .constantFeature, .targetNotBinary, .unknownColumn:
            return Problem(status: .unprocessableContent, slug: "unprocessable", title: "The request cannot be computed", detail: description)
        case .malformedFile, .incompatibleModel:
            return Problem(status: .serviceUnavailable, slug: "risk-data-unavailable", title: "Risk data unavailable", detail: description)
        case .didNotConverge:
            return Problem(status: .unprocessableContent, slug: "did-not-converge", title: "The estimate did not converge", detail: description)
        }
    }
}

extension LogisticsError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .unknownLocation, .unknownStop:
            return Problem(status: .notFound, slug: "location-not-found", title: "Unknown location", detail: description)
        case .unknownPassage, .invalidParameter:
            return .badRequest(description)
        case .malformedFile:
            return Problem(status: .serviceUnavailable, slug: "logistics-data-unavailable", title: "Logistics data unavailable", detail: description)
        }
    }
}

extension AlertsError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .malformedPage, .invalidSubscription, .invalidConfiguration:
            return .badRequest(description)
        case .oversized:
            return Problem(status: .contentTooLarge, slug: "payload-too-large", title: "Payload too large", detail: description)
        case .fetchFailed:
            return Problem(status: .badGateway, slug: "feed-unavailable", title: "Feed unavailable", detail: description)
        }
    }
}

extension RulesError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .invalidRequest, .unsupportedMarket, .noRuleInForce, .noExchangeRate:
            return .badRequest(description)
        case .unknownDecision:
            return .notFound(description)
        case .ambiguousRules, .evaluation:
            return Problem(status: .unprocessableContent, slug: "rule-evaluation-failed", title: "A rule could not be evaluated", detail: description)
        case .replayRefused:
            return Problem(status: .conflict, slug: "replay-refused", title: "Replay refused", detail: description)
        case .logUnavailable:
            return Problem(status: .serviceUnavailable, slug: "decision-log-unavailable", title: "Decision log unavailable", detail: description)
        case .unreadableFile, .malformedFile, .malformedPack, .conflictingPacks, .failingCases:
            return Problem(status: .serviceUnavailable, slug: "rules-unavailable", title: "Rule packs not loaded", detail: description)
        }
    }
}

extension ClassificationError: ProblemConvertible {
    public var problem: Problem {
        switch self {
        case .emptyText, .invalidArgument, .invalidLine:
            return .badRequest(description)
        case .invalidUTF8:
            return Problem(status: .badRequest, slug: "invalid-utf8", title: "Invalid UTF-8", detail: description)
        case .invalidModelFile, .unreadableSource, .insufficientCorpus, .unwritableModelFile, .unwritableExport:
            return Problem(status: .serviceUnavailable, slug: "classifier-unavailable", title: "Classifier not loaded", detail: description)
        }
    }
}
