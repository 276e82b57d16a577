public import CorridorModel
public import Foundation

/// Quotes end to end: gathers the reference data, computes, records the decision, and replays it.
///
/// The CLI and the API both go through here, so a quote made from either can be replayed by id.
public struct QuoteDesk: Sendable {
    /// The engine (and its packs).
    public let engine: QuoteEngine
    /// Where reference data comes from.
    public let resolver: QuoteResolver
    /// Where decisions are recorded, or nil to record nothing.
    public let log: (any DecisionLog)?

    /// Creates a desk.
    public init(engine: QuoteEngine, resolver: QuoteResolver, log: (any DecisionLog)?) {
        self.engine = engine
        self.resolver = resolver
        self.log = log
    }

    /// The canonical JSON encoder for records and replays (sorted keys, no spacing).
    public static func canonical<T: Encodable>(_ value: T) throws(RulesError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(value) } catch { throw .evaluation("could not encode: \(error)") }
    }

    /// Quotes `request`, records it when a log is set, and returns the quote with its decision id.
    ///
    /// The id digests the request, the reference data, the packs and the output, so asking the same
    /// question again under the same packs gives the same id and adds no record.
    /// `owner` is the enterprise asking through the API (nil from the CLI); it is part of the id, so
    /// two enterprises asking the same question each get a decision of their own.
    public func quote(_ request: QuoteRequest, recordedAt: Date, owner: String? = nil) async throws(RulesError) -> LandedCostQuote {
        let pack = try engine.packs.pack(for: request.destination)
        let context = try await resolver.context(for: request, currency: pack.currency, jurisdiction: pack.jurisdiction)
        var quote = try engine.quote(request, context: context)
        guard let log else { return quote }
        let requestData = try Self.canonical(request), contextData = try Self.canonical(context), output = try Self.canonical(quote)
        let references = quote.packs.map { DecisionRecord.PackReference(id: $0.id, version: $0.version, sha256: $0.sha256) }
        let id = "q-" + String(RulePackLoader.digest(Data((owner ?? "").utf8) + requestData + contextData + (try Self.canonical(references)) + output).prefix(24))
        let record = DecisionRecord(id: id, kind: "quote", owner: owner, recordedAt: recordedAt, request: requestData, context: contextData, output: output, packs: references)
        do {
            var texts: [String: String] = [:]
            for used in quote.packs { if let p = engine.packs.pack(id: used.id) { texts[p.sha256] = p.text } }
            try await log.append(record, packTexts: texts)
        } catch {
            throw .logUnavailable("the decision could not be recorded, so no quote is given: \(error)")
        }
        quote.decisionID = id
        return quote
    }

    /// Re-runs a recorded decision with its recorded request, reference data and pack texts, and
    /// compares the output byte for byte. Origin determinations are replayed by ``OriginDesk``.
    public static func replay(id: String, log: any DecisionLog, loader: RulePackLoader = RulePackLoader(builtins: QuoteFacts.declarations)) async throws(RulesError) -> ReplayResult {
        let record: DecisionRecord
        do {
            guard let found = try await log.record(id: id) else { throw RulesError.unknownDecision(id) }
            record = found
        } catch let error as RulesError { throw error } catch { throw .logUnavailable("\(error)") }
        if record.kind == "origin" { return try await OriginDesk.replay(record, log: log) }
        guard record.kind == "quote" else { throw .replayRefused("decision \(id) is a \(record.kind), which replay does not handle") }
        var packs: [RulePack] = []
        for reference in record.packs {
            let text: String?
            do { text = try await log.packText(sha256: reference.sha256) } catch { throw .logUnavailable("\(error)") }
            guard let text else { throw .replayRefused("the text of pack \(reference.id) \(reference.version) (\(reference.sha256)) is not in the log") }
            let pack: RulePack
            do { pack = try loader.load(text: text, file: "\(reference.id)@\(reference.version)") } catch {
                throw .replayRefused("the recorded pack \(reference.id) \(reference.version) no longer loads: \(error)")
            }
            guard pack.sha256 == reference.sha256 else { throw .replayRefused("pack \(reference.id) text does not hash to \(reference.sha256)") }
            packs.append(pack)
        }
        let request: QuoteRequest, context: QuoteContext
        do {
            request = try JSONDecoder().decode(QuoteRequest.self, from: record.request)
            context = try JSONDecoder().decode(QuoteContext.self, from: record.context)
        } catch {
            throw .replayRefused("the recorded inputs could not be read: \(error)")
        }
        let set: RulePackSet
        do { set = try RulePackSet(packs) } catch { throw .replayRefused("the recorded packs do not load together: \(error)") }
        let quote = try QuoteEngine(packs: set).quote(request, context: context)
        let output = try canonical(quote)
        return ReplayResult(id: id, identical: output == record.output, recorded: record.output, replayed: output, packs: record.packs)
    }
}
