public import CorridorModel
public import Foundation

/// The formats a page of policy events can come in, each read by its adapter.
public enum FeedFormat: String, Sendable, CaseIterable, Codable {
    /// US Federal Register `documents.json` pages.
    case federalRegister = "federal-register"
    /// EUR-Lex / Official Journal RSS or Atom.
    case eurlex
    /// WTO ePing SPS/TBT notification pages.
    case wto
    /// Global Trade Alert API v2 pages.
    case gta
    /// A zone's own CSV.
    case csv
    /// A zone's own JSON.
    case json
    /// A `RulePackDiff`.
    case rulePack = "rule-pack"

    /// Reads a page; records that cannot be read are in the report's `rejected`.
    public func parse(_ data: Data) throws(AlertsError) -> IngestReport {
        switch self {
        case .federalRegister: return try FederalRegisterAdapter.parse(data)
        case .eurlex: return try EURLexFeedAdapter.parse(data)
        case .wto: return try WTONotificationAdapter.parse(data)
        case .gta: return try GTAInterventionAdapter.parse(data)
        case .csv:
            guard data.count <= FederalRegisterAdapter.maxPageBytes else { throw .oversized(bytes: data.count, limit: FederalRegisterAdapter.maxPageBytes) }
            guard let text = String(data: data, encoding: .utf8) else { throw .malformedPage(source: "csv", reason: "not UTF-8 text") }
            return try GenericEventAdapter.parseCSV(text)
        case .json: return try GenericEventAdapter.parseJSON(data)
        case .rulePack:
            do {
                return GenericEventAdapter.events(from: try JSONDecoder().decode(RulePackDiff.self, from: data))
            } catch {
                throw .malformedPage(source: "rule-pack", reason: "not a rule-pack diff: \(error)")
            }
        }
    }
}
