public import CorridorFinance
public import CorridorModel
import Foundation
public import Logging

/// What the risk routes compute from: FX rates loaded from the data directory at start, and the
/// configured scorecard. Either may be absent; its routes then answer 503 with the reason.
public struct FinanceService: Sendable {
    /// ECB and H.10 rates, or why they are not loaded.
    public let rates: Result<FXRates, FinanceError>
    /// The scorecard, or why there is none.
    public let scorecard: Result<Scorecard, FinanceError>

    /// Wraps loaded inputs.
    public init(rates: Result<FXRates, FinanceError>, scorecard: Result<Scorecard, FinanceError>) {
        self.rates = rates
        self.scorecard = scorecard
    }

    /// Loads the rates from `dataDirectory` and the scorecard from `scorecardPath`, logging what is missing.
    ///
    /// `ecb` is the ECB history when the caller has already read it (the daemon reads it once for the
    /// finance and rules engines); without it the file is read here.
    public static func load(dataDirectory: String, ecb: ECBRateHistory? = nil, scorecardPath: String?, logger: Logger) -> FinanceService {
        let rates: Result<FXRates, FinanceError> = Result { () throws(FinanceError) in
            try FXRates(dataDirectory: URL(fileURLWithPath: dataDirectory, isDirectory: true), ecb: ecb)
        }
        if case .failure(let error) = rates { logger.warning("FX rates not loaded; /v1/risk/fx answers 503", metadata: ["reason": "\(error)"]) }
        let card: Result<Scorecard, FinanceError>
        if let scorecardPath {
            card = Result { () throws(FinanceError) in try Self.readScorecard(scorecardPath) }
            if case .failure(let error) = card { logger.warning("scorecard not loaded; /v1/risk/credit/score answers 503", metadata: ["reason": "\(error)"]) }
        } else {
            card = .failure(.incompatibleModel("no scorecard is configured (set `scorecard:` or CORRIDOR_SCORECARD to a file from `corridor-risk credit train`)"))
        }
        return FinanceService(rates: rates, scorecard: card)
    }

    /// Reads and validates a scorecard file.
    public static func readScorecard(_ path: String) throws(FinanceError) -> Scorecard {
        let card: Scorecard
        do {
            card = try JSONDecoder().decode(Scorecard.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .incompatibleModel("\(path) is not a readable scorecard: \(error)")
        }
        try card.validate()
        return card
    }
}
