import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-ledger assess-transfer --file T.json --log DIR`.
struct AssessTransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess-transfer",
        abstract: "Decide what a cross-border data transfer needs (PIPL / 2024 Provisions, or GDPR Chapter V), count it, and log the decision.",
        discussion: "T.json: {\"regime\":\"china|eu\",\"exporter\":\"id\",\"destination\":\"TH\",\"categories\":[\"personal\"],\"individuals\":120000,\"sensitiveIndividuals\":0,\"purpose\":\"other\",\"ciio\":false}. The exporter's volumes since 1 January are kept in the log's database.")

    @OptionGroup var options: LogOptions
    @Option(help: "The transfer request (JSON).") var file: String
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The business date (default today, local time).", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
        let request: TransferRequest
        do {
            request = try JSONDecoder().decode(TransferRequest.self, from: data)
        } catch let error as ModelError {
            throw CLIError("\(file): \(error.description)")
        } catch {
            throw CLIError("\(file) is not a transfer request: \(error)")
        }
        let date: CivilDate
        do {
            date = try asOf.map { try CivilDate(parsing: $0) } ?? CivilDate(Date(), timeZone: .current)
        } catch {
            throw ValidationError("\(error)")
        }
        let log = try options.open()
        let database = try CorridorDatabase(path: options.databasePath)
        let (record, index) = try await TransferRecord.assessAndRecord(
            request, asOf: date, counters: SQLiteTransferCounterStore(database: database), log: log, at: Date())
        switch format {
        case .json:
            struct View: Encodable { let index: UInt64; let decision: TransferDecision }
            try printJSON(View(index: index, decision: record.decision))
        case .table:
            let d = record.decision
            print("mechanism: \(d.mechanism.rawValue)\(d.sccModule.map { " (module \($0))" } ?? "")")
            for b in d.legalBasis { print("basis:     \(b)") }
            for o in d.obligations { print("must:      \(o)") }
            for r in d.requiredDesensitization { print("minimise:  \(r)") }
            print("logged as entry \(index); since 1 January: \(d.cumulativeIndividuals) individuals, \(d.cumulativeSensitiveIndividuals) sensitive")
        }
    }
}
