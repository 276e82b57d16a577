import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorRules
import CorridorStore
import Foundation

/// `corridor-rules quote --file Q.json`
struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "A landed-cost quote: regime, duties, taxes and totals in the destination currency, recorded for replay.",
        discussion: """
            The request is JSON (see Docs/RULES.md). Codes are checked against the imported nomenclatures and US duties \
            come from the imported HTS, so --database must hold the reference data (corridor-data import). Exchange rates \
            are the ECB reference rates under --data. Exit status 3: the quote is incomplete and lists its questions.
            """)
    @Option(help: ArgumentHelp("The request file (- for standard input).", valueName: "Q.json")) var file: String
    @Option(help: "json | table.") var format: OutputFormat = .json
    @OptionGroup var packs: PacksOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() async throws {
        let body = try RequestFile.read(file)
        let request: QuoteRequest
        do { request = try QuoteRequest.parse(body) } catch { throw CLIError("\(file): \(error.description)") }
        let (packSet, refused) = try packs.load()
        if let pack = refused.first(where: { $0.covers(request.destination) }) { throw CLIError(pack.error.description) }
        let db = try database.open(mustExist: true)
        let desk = try RulesWiring.desk(packs: packSet, database: db, dataDirectory: data.directory)
        let quote: LandedCostQuote
        do { quote = try await desk.quote(request, recordedAt: Date()) } catch { throw CLIError(error.description) }
        if format == .json {
            try printJSON(quote)
        } else {
            QuoteTable.print(quote)
        }
        if !quote.complete { throw ExitCode(3) }
    }
}
