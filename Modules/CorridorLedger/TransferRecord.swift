public import CorridorModel
public import Foundation

/// An assessed transfer as it is written to the evidence log: the request, the business date and
/// the decision, as canonical JSON.
public struct TransferRecord: Sendable, Codable, Hashable {
    /// The record type, `corridor-transfer-assessment/v1`.
    public let type: String
    /// The business date the assessment holds for.
    public let asOf: CivilDate
    /// What was asked.
    public let request: TransferRequest
    /// What was decided.
    public let decision: TransferDecision

    /// Creates a record.
    public init(asOf: CivilDate, request: TransferRequest, decision: TransferDecision) {
        type = "corridor-transfer-assessment/v1"
        self.asOf = asOf
        self.request = request
        self.decision = decision
    }

    /// The leaf data.
    public var leafData: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Assesses `request` on `asOf` against the exporter's volumes since 1 January of that year,
    /// adds this transfer to them (unless it is prohibited), and appends the record to `log`.
    /// Returns the record and its index in the log.
    public static func assessAndRecord(_ request: TransferRequest, asOf: CivilDate, counters: any TransferCounterStore,
                                       log: EvidenceLog, at time: Date) async throws -> (record: TransferRecord, index: UInt64) {
        let decision = try await counters.update(exporter: request.exporter, year: asOf.year) { prior, priorSensitive in
            let decision = TransferAssessor.assess(request, priorIndividuals: prior, priorSensitiveIndividuals: priorSensitive)
            let counts = decision.mechanism != .prohibited && request.regime == .china
            let personal = request.categories.contains(.personal) ? request.individuals : 0
            let sensitive = request.categories.contains(.sensitivePersonal) ? request.sensitiveIndividuals : 0
            return (decision, counts ? personal : 0, counts ? sensitive : 0)
        }
        let record = TransferRecord(asOf: asOf, request: request, decision: decision)
        guard let index = try await log.append([(record.leafData, request.exporter)], at: time).first else {
            throw LedgerStoreError.storage("the assessment was decided but could not be logged")
        }
        return (record, index)
    }
}
