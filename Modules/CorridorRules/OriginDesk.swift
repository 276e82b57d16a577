public import CorridorModel
public import Foundation

/// Origin determinations end to end: reads the request, decides it, records the decision, and
/// replays it.
///
/// The CLI and the API both go through here, so a determination made from either can be replayed by
/// id with `corridor-rules replay` or `GET /v1/origin/determinations/{id}/replay`, like a quote. The record
/// holds the request (canonical JSON), the rules table's id, version and SHA-256 with its text, and
/// the output.
public struct OriginDesk: Sendable {
    /// The engine (and its table of rules).
    public let engine: OriginEngine
    /// Where decisions are recorded, or nil to record nothing.
    public let log: (any DecisionLog)?

    /// Creates a desk.
    public init(engine: OriginEngine, log: (any DecisionLog)?) {
        self.engine = engine
        self.log = log
    }

    /// Reads the request `body` (JSON), decides it, and records it when a log is set.
    ///
    /// The id digests the owner, the request, the table and the output, so the same question under
    /// the same table is one record however often it is asked. `owner` is the enterprise asking
    /// through the API (nil from the CLI).
    public func determine(body: Data, recordedAt: Date, owner: String? = nil) async throws(RulesError) -> OriginDetermination {
        let document = try OriginRequest.document(body)
        var determination = try engine.determine(try OriginRequest.parse(document: document))
        guard let log else { return determination }
        let requestData = try QuoteDesk.canonical(document), output = try QuoteDesk.canonical(determination)
        let reference = engine.rules.reference
        let references = [reference]
        let digest = RulePackLoader.digest(Data((owner ?? "").utf8) + requestData + (try QuoteDesk.canonical(references)) + output)
        let id = "o-" + String(digest.prefix(24))
        let record = DecisionRecord(id: id, kind: "origin", owner: owner, recordedAt: recordedAt, request: requestData,
                                    context: Data("{}".utf8), output: output, packs: references)
        do {
            try await log.append(record, packTexts: [reference.sha256: engine.rules.text])
        } catch {
            throw .logUnavailable("the decision could not be recorded, so no determination is given: \(error)")
        }
        determination.decisionID = id
        return determination
    }

    /// Re-runs a recorded origin determination with its recorded request and rules table, and
    /// compares the output byte for byte.
    public static func replay(_ record: DecisionRecord, log: any DecisionLog) async throws(RulesError) -> ReplayResult {
        guard record.kind == "origin", let reference = record.packs.first, record.packs.count == 1 else {
            throw .replayRefused("decision \(record.id) is not an origin determination with one rules table")
        }
        let text: String?
        do { text = try await log.packText(sha256: reference.sha256) } catch { throw .logUnavailable("\(error)") }
        guard let text else { throw .replayRefused("the text of rules table \(reference.id) \(reference.version) (\(reference.sha256)) is not in the log") }
        let rules: ProductSpecificRules
        do { rules = try ProductSpecificRules(text: text, file: "\(reference.id)@\(reference.version)") } catch {
            throw .replayRefused("the recorded rules table \(reference.id) \(reference.version) no longer loads: \(error)")
        }
        guard rules.sha256 == reference.sha256 else { throw .replayRefused("rules table \(reference.id) text does not hash to \(reference.sha256)") }
        let determination = try OriginEngine(rules: rules).determine(try OriginRequest.parse(record.request))
        let output = try QuoteDesk.canonical(determination)
        return ReplayResult(id: record.id, identical: output == record.output, recorded: record.output, replayed: output, packs: record.packs)
    }
}
