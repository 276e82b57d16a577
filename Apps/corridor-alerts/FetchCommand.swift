import ArgumentParser
import CorridorCommandLine
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts fetch`
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch a feed URL (conditionally: ETag / Last-Modified), then ingest it into the database.",
        discussion: "An unchanged page (HTTP 304) ingests nothing. 5xx, 429 and timeouts are retried with backoff; other errors are not."
    )

    @Option(help: "federal-register | eurlex | wto | gta | csv | json | rule-pack.") var source: Source
    @Option(help: "The page URL.") var url: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var pipeline: PipelineOptions
    @Option(help: "Seconds each attempt may take.") var timeout: Double = 30
    @Option(help: "Attempts before giving up.") var attempts: Int = 4
    @Option(help: "json | table.") var format: String = "table"

    func run() async throws {
        let db = try database.open(mustExist: false)
        let store = SQLiteAlertStore(database: db)
        let policy = RetryPolicy(initialBackoff: 1, maxBackoff: 60, maxAttempts: attempts, attemptTimeout: timeout)
        do { try policy.validate() } catch { throw CLIError(error.description) }
        let previous = try await store.feedState(url: url)
        let result: FeedFetcher.Result
        do {
            result = try await FeedFetcher(policy: policy).fetch(url: url, previous: previous, now: { Date() })
        } catch {
            throw CLIError(error.description)
        }
        switch result {
        case .notModified:
            if format == "json" { try printJSON(["status": "not-modified", "url": url]) } else { print("not modified since the last fetch: \(url)") }
        case .page(let data, let state):
            let report = try parsePage(source, data: data, name: url)
            let stored = try await ingestStored(report, database: db, configuration: try pipeline.load())
            // The validators are kept only once the page is stored, so a failed ingest is fetched again.
            try await store.saveFeedState(state)
            try show(stored, format: format)
        }
    }
}
