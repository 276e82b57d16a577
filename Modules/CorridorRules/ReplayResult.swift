public import CorridorModel
public import Foundation

/// The outcome of replaying a recorded decision.
public struct ReplayResult: Sendable, Encodable {
    /// The decision id.
    public let id: String
    /// Whether the replayed output equals the recorded one byte for byte.
    public let identical: Bool
    /// The recorded output (canonical JSON).
    public let recorded: Data
    /// The replayed output (canonical JSON).
    public let replayed: Data
    /// The packs replayed against.
    public let packs: [DecisionRecord.PackReference]

    enum CodingKeys: String, CodingKey { case id, identical, packs, output }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(identical, forKey: .identical)
        try c.encode(packs, forKey: .packs)
        try c.encode(String(decoding: replayed, as: UTF8.self), forKey: .output)
    }
}
