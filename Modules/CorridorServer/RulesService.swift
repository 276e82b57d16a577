public import CorridorModel
public import CorridorRules
import CorridorStore
import Foundation
public import Logging

/// What `/v1/quotes` and `/v1/packs` compute with: the rule packs loaded at start (a pack whose golden
/// cases fail is left out and logged), the ECB rates, and the decision log in the database.
public struct RulesService: Sendable {
    /// The quote desk, or why there is none (the routes then answer 503 with the reason).
    public let desk: Result<QuoteDesk, RulesError>
    /// Packs refused at start because a golden case failed.
    public let refused: [RefusedPack]
    /// The rules-of-origin desk, or why there is none (`POST /v1/origin/determinations` then answers 503).
    public let origin: Result<OriginDesk, RulesError>
    /// The decision log that quotes and determinations are recorded in and replayed from.
    public let log: (any DecisionLog)?

    /// Wraps a loaded desk.
    public init(desk: Result<QuoteDesk, RulesError>, refused: [RefusedPack] = [],
                origin: Result<OriginDesk, RulesError> = .failure(.unreadableFile("rules of origin", reason: "not loaded in this application")),
                log: (any DecisionLog)? = nil) {
        self.desk = desk
        self.refused = refused
        self.origin = origin
        self.log = log
    }

    /// Loads the packs (`packsDirectory`, else the shipped ones) and the rates under `dataDirectory`
    /// (or `ecb`, when the caller has already read the ECB history).
    public static func load(packsDirectory: String?, dataDirectory: String, ecb: ECBRateHistory? = nil, reference: any TariffReference, log: any DecisionLog,
                            originRules: String? = nil, logger: Logger) -> RulesService {
        var refused: [RefusedPack] = []
        let desk = Result { () throws(RulesError) -> QuoteDesk in
            let (packs, left) = try RulePackSet.loadPassing(directory: packsDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) })
            refused = left
            for pack in left {
                logger.error("rule pack refused: a golden case fails; its markets answer 503", metadata: ["pack": "\(pack.id)", "reason": "\(pack.reason)"])
            }
            let ratesFile = URL(fileURLWithPath: dataDirectory, isDirectory: true).appendingPathComponent("finance/ecb_eurofxref_hist.csv")
            var rates = ecb.map(ECBRateTable.init(history:))
            if rates == nil, FileManager.default.fileExists(atPath: ratesFile.path) {
                rates = try ECBRateTable(contentsOf: ratesFile)
            } else if rates == nil {
                logger.warning("no ECB rates; quotes in a currency other than the destination's are refused", metadata: ["file": "\(ratesFile.path)"])
            }
            return QuoteDesk(engine: QuoteEngine(packs: packs), resolver: QuoteResolver(reference: reference, rates: rates), log: log)
        }
        if case .failure(let error) = desk { logger.error("rule packs not loaded; /v1/quotes answers 503", metadata: ["reason": "\(error)"]) }
        let origin = Result { () throws(RulesError) -> OriginDesk in
            let rules = if let originRules { try ProductSpecificRules(contentsOf: URL(fileURLWithPath: originRules)) } else { try BundledOriginRules.rcep() }
            return OriginDesk(engine: OriginEngine(rules: rules), log: log)
        }
        if case .failure(let error) = origin { logger.error("rules of origin not loaded; /v1/origin/determinations answers 503", metadata: ["reason": "\(error)"]) }
        return RulesService(desk: desk, refused: refused, origin: origin, log: log)
    }
}
