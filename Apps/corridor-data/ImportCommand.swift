import CorridorCommandLine
import ArgumentParser
import CorridorStore
import Foundation

/// `corridor-data import --from DIR|URL`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import reference data from a directory or URL laid out like ../shared/data.",
        discussion: "Each file is imported in one transaction; a file already imported with the same SHA-256 is left alone. Datasets: \(ReferenceImporter.datasets.joined(separator: ", "))."
    )

    @Option(name: .long, help: ArgumentHelp("A directory, or an http(s) URL, holding hs/, tariffs/ ...", valueName: "dir|url"))
    var from: String

    @OptionGroup var db: DatabaseOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Import only these datasets.")
    var only: [String] = []

    @Flag(name: .long, help: "Re-import files even when their SHA-256 is unchanged.")
    var force = false

    @Option(name: .long, help: "Summary format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        let unknown = only.filter { !ReferenceImporter.datasets.contains($0) }
        if !unknown.isEmpty {
            throw ValidationError("unknown dataset(s) \(unknown.joined(separator: ", ")); choose from \(ReferenceImporter.datasets.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let location: DataLocation
        do {
            location = try DataLocation(parsing: from)
        } catch {
            throw ValidationError(error.description)
        }
        let database = try db.open(mustExist: false)
        let interactive = isatty(STDERR_FILENO) == 1
        let reports = await ReferenceImporter(database: database).importAll(
            from: location, only: only.isEmpty ? nil : Set(only), force: force, importedAt: Date()
        ) { event in
            guard interactive else { return }
            switch event {
            case .started(let dataset, let index, let total):
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(index)/\(total)] importing \(dataset)…".utf8))
            case .finished:
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            }
        }
        switch format {
        case .json:
            try printJSON(reports)
        case .table, .csv:
            for r in reports {
                let detail = r.message ?? "\(r.rows) rows"
                print("\(r.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(r.dataset.padding(toLength: 26, withPad: " ", startingAt: 0)) \(detail) (\(String(format: "%.2f", r.seconds)) s)")
            }
        }
        let failed = reports.filter { $0.status == .failed }
        if !failed.isEmpty {
            for f in failed { FileHandle.standardError.write(Data("error: \(f.message ?? f.dataset)\n".utf8)) }
            throw ExitCode.failure
        }
        if reports.allSatisfy({ $0.status == .skipped }) {
            throw CLIError("no reference data found at \(location); expected files such as \(location.display("hs/hs2022.csv"))")
        }
    }
}
