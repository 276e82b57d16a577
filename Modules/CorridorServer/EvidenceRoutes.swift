import CorridorLedger
import CorridorModel
import Foundation
import Hummingbird
import CorridorStore
import Logging

/// `/v1/evidence`, `/v1/checkpoint`, `/v1/consistency`: the evidence log over HTTP. Callers send a
/// document's hash and metadata, never the document; entries belong to the caller's enterprise.
enum EvidenceRoutes {
    struct NewEvidence: Decodable {
        let sha256: String
        let metadata: [String: String]?
    }

    struct Recorded: Encodable, Sendable {
        let index: UInt64
        let bundle: EvidenceBundle
    }

    struct Assessed: Encodable, Sendable {
        let index: UInt64
        let asOf: CivilDate
        let decision: TransferDecision
    }

    struct CheckpointView: Encodable, Sendable {
        let size: UInt64
        let root: MerkleHash
        let note: String
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices, ledger: LedgerService) {
        group.post("evidence") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role != .auditor else { throw Problem.forbidden("auditors read evidence; recording it needs an enterprise or zone-admin key") }
            let body = try await request.decode(as: NewEvidence.self, context: context)
            let statement: EvidenceStatement
            do {
                statement = try EvidenceStatement(sha256: body.sha256.lowercased(), metadata: body.metadata ?? [:])
            } catch {
                throw Problem.badRequest("sha256 must be the document's SHA-256 as 64 hex digits")
            }
            guard let index = try await ledger.log.append([(statement.leafData, identity.enterprise)], at: services.now()).first else {
                throw Problem.internalError
            }
            context.logger.info("evidence recorded", metadata: ["index": "\(index)"])
            return JSONBody(Recorded(index: index, bundle: try await ledger.bundle(index: index)), status: .created)
        }
        group.get("evidence/:index/proof") { _, context in
            let identity = try context.requireIdentity()
            guard let index = UInt64(try context.path("index")) else { throw Problem.badRequest("the index must be a whole number") }
            guard let entry = try await ledger.log.entry(index) else { throw Problem.notFound("no evidence entry \(index)") }
            if let owner = entry.owner, !identity.mayRead(owner) {
                throw Problem.forbidden("evidence entry \(index) belongs to another enterprise")
            } else if entry.owner == nil, identity.role == .enterprise {
                throw Problem.forbidden("evidence entry \(index) belongs to the zone")
            }
            return JSONBody(try await ledger.bundle(index: index))
        }
        group.post("transfers/assessments") { request, context in
            let identity = try context.requireIdentity()
            let transfer = try await request.decode(as: TransferRequest.self, context: context)
            guard identity.mayWrite(transfer.exporter) else {
                throw Problem.forbidden("this key may assess transfers for enterprise \(identity.enterprise) only, not \(transfer.exporter)")
            }
            let asOf = try request.asOf(default: services.today()).date
            let (record, index) = try await TransferRecord.assessAndRecord(transfer, asOf: asOf, counters: ledger.counters, log: ledger.log, at: services.now())
            return JSONBody(Assessed(index: index, asOf: asOf, decision: record.decision), status: .created)
        }
        group.get("checkpoint") { _, _ in
            let checkpoint = try await ledger.checkpoint()
            return JSONBody(CheckpointView(size: checkpoint.size, root: checkpoint.root, note: checkpoint.note))
        }
        group.get("consistency") { request, _ in
            guard let from = UInt64(try request.required("from")), let to = UInt64(try request.required("to")) else {
                throw Problem.badRequest("from and to must be whole numbers")
            }
            do {
                return JSONBody(try await ledger.log.consistency(oldSize: from, newSize: to))
            } catch let error as LedgerError {
                throw Problem.badRequest(error.description)
            }
        }
    }
}
