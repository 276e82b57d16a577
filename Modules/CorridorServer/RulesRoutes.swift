import CorridorModel
import CorridorRules
import CorridorStore
import Foundation
import Hummingbird
import Logging

/// `/v1/quotes` and `/v1/packs`: landed-cost quotes under the loaded rule packs, their replay, and
/// the packs themselves. Any authenticated key may quote; each quote is recorded in the decision log.
enum RulesRoutes {
    /// The largest quote request accepted (1,000 lines fit well within it).
    static let maxRequestBytes = 2 * 1024 * 1024

    struct PackRow: Encodable, Sendable {
        let id: String, version: String, title: String, jurisdiction: String, markets: [String], currency: String
        let published: String, sha256: String, sources: [RuleSource]
    }

    struct PacksResponse: Encodable, Sendable {
        let packs: [PackRow]
        let refused: [RefusedPack]
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices, rules: RulesService) {
        group.post("quotes") { request, context in
            let identity = try context.requireIdentity()
            let desk = try Self.desk(rules)
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: maxRequestBytes)
            } catch {
                throw Problem(status: .contentTooLarge, slug: "payload-too-large", title: "Payload too large",
                              detail: "a quote request may be at most \(maxRequestBytes) bytes")
            }
            let quoteRequest = try QuoteRequest.parse(Data(buffer.readableBytesView))
            if let refused = rules.refused.first(where: { $0.covers(quoteRequest.destination) }) { throw refused.error }
            let quote = try await desk.quote(quoteRequest, recordedAt: services.now(), owner: identity.enterprise.description)
            context.logger.info("quote", metadata: ["decision": "\(quote.decisionID ?? "")", "destination": "\(quote.destination)", "complete": "\(quote.complete)"])
            return JSONBody(quote)
        }
        group.get("quotes/:id/replay") { _, context in
            JSONBody(try await Self.replay(try context.parameters.require("id"), identity: try context.requireIdentity(), rules: rules))
        }
        group.get("origin/determinations/:id/replay") { _, context in
            JSONBody(try await Self.replay(try context.parameters.require("id"), identity: try context.requireIdentity(), rules: rules))
        }
        group.post("origin/determinations") { request, context in
            let identity = try context.requireIdentity()
            let desk: OriginDesk
            switch rules.origin {
            case .success(let loaded): desk = loaded
            case .failure(let error):
                throw Problem(status: .serviceUnavailable, slug: "origin-rules-unavailable", title: "Rules of origin not loaded", detail: error.description)
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: maxRequestBytes)
            } catch {
                throw Problem(status: .contentTooLarge, slug: "payload-too-large", title: "Payload too large",
                              detail: "an origin request may be at most \(maxRequestBytes) bytes")
            }
            let determination = try await desk.determine(body: Data(buffer.readableBytesView), recordedAt: services.now(), owner: identity.enterprise.description)
            context.logger.info("origin determination", metadata: ["decision": "\(determination.decisionID ?? "")", "qualified": "\(determination.qualified)"])
            return JSONBody(determination)
        }
        group.get("packs") { _, context in
            _ = try context.requireIdentity()
            let desk = try Self.desk(rules)
            return JSONBody(PacksResponse(packs: desk.engine.packs.packs.map { p in
                PackRow(id: p.id, version: p.version, title: p.title, jurisdiction: p.jurisdiction, markets: p.markets, currency: p.currency.code,
                        published: p.published.description, sha256: p.sha256, sources: p.sources)
            }, refused: rules.refused))
        }
    }

    /// Replays a recorded quote or origin determination. A decision tells what an enterprise ships and
    /// for how much: only its owner, zone admins and auditors may replay it (another enterprise gets the
    /// same 404 as for an unknown id).
    static func replay(_ id: String, identity: Identity, rules: RulesService) async throws -> ReplayResult {
        guard let log = rules.log else { throw Problem.notFound("no decision log is configured") }
        guard let record = try await log.record(id: id) else { throw RulesError.unknownDecision(id) }
        let allowed: Bool
        if let owner = record.owner, let ownerID = try? EnterpriseID(owner) {
            allowed = identity.mayRead(ownerID)
        } else {
            allowed = identity.role != .enterprise  // recorded from the CLI: the zone's own
        }
        guard allowed else { throw RulesError.unknownDecision(id) }
        return try await QuoteDesk.replay(id: id, log: log)
    }

    static func desk(_ rules: RulesService) throws -> QuoteDesk {
        switch rules.desk {
        case .success(let desk): return desk
        case .failure(let error):
            throw Problem(status: .serviceUnavailable, slug: "rules-unavailable", title: "Rule packs not loaded", detail: error.description)
        }
    }
}
