public import CorridorModel
public import Foundation

/// The packs in use, checked together: ids unique, each destination covered by one pack at most,
/// and every pack's quote decisions shaped as the quote engine reads them.
public struct RulePackSet: Sendable {
    /// The packs, sorted by id.
    public let packs: [RulePack]

    /// The decisions a quote reads, with the outputs each must declare.
    static let quoteDecisions: [String: (scope: DecisionScope?, outputs: [String: RuleType])] = [
        "regime": (.consignment, ["name": .string, "de_minimis_applied": .bool, "duty": .string]),
        "duties": (.line, ["kind": .string, "rate_text": .string, "amount": .money]),
        "taxes": (.line, ["kind": .string, "rate": .decimal, "base": .money]),
        "fees": (.consignment, ["kind": .string, "amount": .money]),
        "warnings": (nil, ["message": .string]),
    ]

    /// Checks `packs` together.
    public init(_ packs: [RulePack]) throws(RulesError) {
        var ids = Set<String>()
        var markets: [String: String] = [:]
        for pack in packs {
            guard ids.insert(pack.id).inserted else { throw .conflictingPacks("pack id \(pack.id) is loaded twice") }
            if pack.overlay {
                // An overlay adds warnings to other packs' quotes; it decides nothing else.
                if let other = pack.decisions.first(where: { $0.id != "warnings" }) {
                    throw .malformedPack(file: pack.file, line: other.rules.first?.line, reason: "an overlay pack has only warnings decisions, not \(other.id)")
                }
                for decision in pack.decisions where !decision.outputs.contains(where: { $0.name == "message" && $0.type == .string }) {
                    throw .malformedPack(file: pack.file, line: decision.rules.first?.line, reason: "decision \(decision.id) needs the output message: String")
                }
                continue
            }
            guard !pack.markets.contains("*") else { throw .malformedPack(file: pack.file, line: nil, reason: "only an overlay pack may cover every market (*)") }
            for market in pack.markets {
                if let other = markets[market] { throw .conflictingPacks("\(market) is covered by both \(other) and \(pack.id)") }
                markets[market] = pack.id
            }
            guard !pack.markets.isEmpty else { continue }
            guard pack.decision("regime") != nil else {
                throw .malformedPack(file: pack.file, line: nil, reason: "a pack with markets needs a 'regime' decision for quotes")
            }
            for decision in pack.decisions {
                guard let shape = Self.quoteDecisions[decision.id] else { continue }
                if let scope = shape.scope, decision.scope != scope {
                    throw .malformedPack(file: pack.file, line: decision.rules.first?.line, reason: "decision \(decision.id) has scope \(scope.rawValue) in quotes")
                }
                for (name, type) in shape.outputs.sorted(by: { $0.key < $1.key }) where !decision.outputs.contains(where: { $0.name == name && $0.type == type }) {
                    throw .malformedPack(file: pack.file, line: decision.rules.first?.line, reason: "decision \(decision.id) needs the output \(name): \(type)")
                }
            }
        }
        // A fact means one thing across the packs a quote may combine (a market pack and its overlays).
        var declared: [String: (type: RuleType, pack: String)] = [:]
        for pack in packs {
            for (name, fact) in pack.facts {
                if let other = declared[name], other.type != fact.type {
                    throw .conflictingPacks("fact \(name) is \(other.type) in \(other.pack) but \(fact.type) in \(pack.id)")
                }
                declared[name] = (fact.type, pack.id)
            }
        }
        self.packs = packs.sorted { $0.id < $1.id }
    }

    /// Loads every `*.yaml` pack of a directory.
    public init(directory: URL, loader: RulePackLoader = RulePackLoader(builtins: QuoteFacts.declarations)) throws(RulesError) {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw .unreadableFile(directory.path, reason: "not a readable directory of pack files")
        }
        guard !files.isEmpty else { throw .unreadableFile(directory.path, reason: "holds no .yaml pack files") }
        var packs: [RulePack] = []
        for file in files { packs.append(try loader.load(contentsOf: file)) }
        try self.init(packs)
    }

    /// The pack deciding quotes to a destination (not an overlay).
    public func pack(for destination: String) throws(RulesError) -> RulePack {
        guard let pack = packs.first(where: { !$0.overlay && $0.markets.contains(destination) }) else {
            throw .unsupportedMarket(destination, covered: packs.filter { !$0.overlay }.flatMap(\.markets).sorted())
        }
        return pack
    }

    /// The overlay packs that add warnings to quotes for a destination, by id.
    public func overlays(for destination: String) -> [RulePack] {
        packs.filter { $0.overlay && $0.covers(destination) }
    }

    /// The pack with this id.
    public func pack(id: String) -> RulePack? { packs.first { $0.id == id } }
}

extension RulePackSet {
    /// The packs of `directory` (else the shipped ones), each refused when one of its golden cases fails.
    public static func checked(directory: URL?) throws(RulesError) -> RulePackSet {
        let (set, refused) = try loadPassing(directory: directory)
        if let first = refused.first { throw first.error }
        return set
    }

    /// The packs a daemon or CLI runs with: those of `directory`, else the shipped ones. A pack whose
    /// golden case fails is left out and returned among the refused, so the other markets still quote.
    public static func loadPassing(directory: URL?) throws(RulesError) -> (packs: RulePackSet, refused: [RefusedPack]) {
        let loaded: RulePackSet
        if let directory { loaded = try RulePackSet(directory: directory) } else { loaded = try BundledPacks.load() }
        var kept: [RulePack] = [], refused: [RefusedPack] = []
        for pack in loaded.packs {
            let failures = GoldenCaseRunner.run(pack).filter { !$0.passed }
            if failures.isEmpty { kept.append(pack); continue }
            refused.append(RefusedPack(id: pack.id, version: pack.version, markets: pack.markets,
                                       failures: failures.map { "\($0.name) (\(pack.file)\($0.line.map { ":\($0)" } ?? "")): \($0.failures.joined(separator: "; "))" },
                                       overlay: pack.overlay))
        }
        return (try RulePackSet(kept), refused)
    }
}
