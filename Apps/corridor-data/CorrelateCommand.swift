import CorridorCommandLine
import Foundation
import ArgumentParser
import CorridorModel
import CorridorStore

/// `corridor-data correlate CODE --from hs2022 --to hs2017`.
struct CorrelateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correlate", abstract: "Map an HS subheading from one HS edition to another (UNSD correlation tables).")

    @Argument(help: "A 6-digit HS subheading.")
    var code: String

    @Option(name: .long, help: "The code's edition: hs2012, hs2017 or hs2022.")
    var from: String

    @Option(name: .long, help: "The edition to map to.")
    var to: String

    @OptionGroup var db: DatabaseOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        let code = try parseCode(code)
        let source: HSVersion, target: HSVersion
        do {
            source = try HSVersion(parsing: from)
            target = try HSVersion(parsing: to)
        } catch {
            throw ValidationError(error.description)
        }
        let store = ReferenceStore(database: try db.open(mustExist: true))
        let result = try await query { () async throws(ReferenceDataError) in
            try await store.correlate(code, from: source, to: target)
        }
        switch format {
        case .json:
            try printJSON(result)
        case .table, .csv:
            print("\(result.code.dotted) (\(source.rawValue)) → \(target.rawValue)   [\(result.path.joined(separator: ", "))]")
            for t in result.targets {
                print("  \(t.code.dotted)  \(t.relationship.rawValue)\(t.partial ? " (part)" : "")  \(t.description ?? "")")
            }
        }
    }
}
