import ArgumentParser
import CorridorCommandLine
import CorridorAlerts
import CorridorModel
import Foundation

/// The feed formats.
enum Source: String, ExpressibleByArgument, CaseIterable {
    case federalRegister = "federal-register", eurlex, csv, json, rulePack = "rule-pack"
}

/// Reads a feed file into events and rejections.
func read(_ source: Source, file: String) throws -> IngestReport {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("cannot read \(file): \(error.localizedDescription)") }
    do {
        switch source {
        case .federalRegister: return try FederalRegisterAdapter.parse(data)
        case .eurlex: return try EURLexFeedAdapter.parse(data)
        case .csv: return try GenericEventAdapter.parseCSV(String(decoding: data, as: UTF8.self))
        case .json: return try GenericEventAdapter.parseJSON(data)
        case .rulePack:
            do {
                return GenericEventAdapter.events(from: try JSONDecoder().decode(RulePackDiff.self, from: data))
            } catch {
                throw CLIError("\(file) is not a rule-pack diff: \(error)")
            }
        }
    } catch let error as AlertsError {
        throw CLIError("\(file): \(error.description)")
    }
}
