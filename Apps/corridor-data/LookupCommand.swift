import CorridorCommandLine
import Foundation
import ArgumentParser
import CorridorModel
import CorridorStore

/// `corridor-data lookup CODE`.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show a code's description, ancestors and children.",
        discussion: "Without --version, codes of up to 6 digits are looked up in the HS in force on --as-of (default today), longer ones in the national tariffs in force."
    )

    @Argument(help: "The code: 8517.13, 851713 or \"8517 13 00 00\".")
    var code: String

    @Option(name: .long, help: "A release (hs2022, hs2017, us-hts-2026r4, eu-cn-2026, ...) or a family (hs, us-hts, eu-cn).")
    var version: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the answer must hold on.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var db: DatabaseOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        let code = try parseCode(code)
        let date = try parseAsOf(asOf)
        let store = ReferenceStore(database: try db.open(mustExist: true))
        let result = try await query { () async throws(ReferenceDataError) in
            try await store.lookup(code, version: version, asOf: date, asOfGiven: asOf != nil)
        }
        switch format {
        case .json:
            try printJSON(result)
        case .table, .csv:
            let e = result.entry
            print("\(e.code.dotted)  \(e.description)")
            print("release:    \(result.release.id) (\(result.release.title), in force from \(result.release.effectiveFrom))")
            if e.fullDescription != e.description { print("full:       \(e.fullDescription)") }
            if !e.units.isEmpty { print("units:      \(e.units.joined(separator: ", "))") }
            if let r = e.rates {
                if let v = r.general { print("general:    \(v)") }
                if let v = r.special { print("special:    \(v)") }
                if let v = r.column2 { print("column 2:   \(v)") }
                if let v = r.additional { print("additional: \(v)") }
            }
            for a in result.ancestors { print("  ↑ \(a.code.dotted)  \(a.description)") }
            for c in result.children { print("  ↓ \(c.code.dotted)  \(c.description)") }
        }
    }
}
