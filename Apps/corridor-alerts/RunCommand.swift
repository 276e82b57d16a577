import ArgumentParser
import CorridorCommandLine
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts run`
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The delivery loop: group, inhibit, silence and remind, then post signed webhooks from the outbox with retries.",
        discussion: """
            Runs until interrupted; --once does one tick, --drain stops when nothing is waiting to be sent. A notification is written to the
            outbox together with the notification log in one transaction before it is sent, so a process killed at any point
            loses nothing and, restarted, sends nothing twice (a delivery interrupted mid-send is sent again with the same
            Idempotency-Key).
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var pipeline: PipelineOptions
    @Flag(help: "One tick, then exit.") var once = false
    @Flag(help: "Exit once every alert due or waiting (group_wait, group_interval) is delivered or dead-lettered.") var drain = false
    @Option(help: "Seconds between ticks at most.") var poll: Double = 5
    @Option(help: "json (one line per tick) | table.") var format: String = "table"

    func run() async throws {
        guard poll > 0, poll.isFinite else { throw CLIError("--poll must be a positive number of seconds") }
        let store = SQLiteAlertStore(database: try database.open(mustExist: false))
        let dispatcher = AlertDispatcher(store: store, pipeline: NotificationPipeline(configuration: try pipeline.load()),
                                         transport: HTTPWebhookTransport(), clock: { Date() })
        let json = format == "json"
        let report: @Sendable (AlertDispatcher.Tick) -> Void = { tick in
            guard tick.enqueued > 0 || tick.round != DeliveryWorker.Round() else { return }
            let line = json ? (try? JSONOutput.string(tick, pretty: false)) ?? ""
                : "enqueued \(tick.enqueued), delivered \(tick.round.delivered), retrying \(tick.round.retried), dead-lettered \(tick.round.deadLettered), pending \(tick.pending)"
            // Unbuffered, so a supervisor (or a test) sees each tick as it happens.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        if once {
            report(try await dispatcher.tick())
        } else {
            try await dispatcher.run(pollInterval: poll, drain: drain, report: report)
        }
    }
}
