import ArgumentParser
import CorridorCommandLine
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts silences add|list|expire`
struct SilencesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silences",
        abstract: "Mute alerts whose labels match, for a while (Alertmanager silences).",
        discussion: "Labels: \(AlertLabels.names.sorted().joined(separator: ", ")). Matchers: name=value, name!=value, name=~regex, name!~regex.",
        subcommands: [Add.self, List.self, Expire.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a silence and print its id.")
        @Option(help: "The enterprise whose alerts it mutes; without it, the silence is zone-wide.") var enterprise: String?
        @Option(help: "A matcher, e.g. 'measure=tbt' or 'title=~\".*battery.*\"' (repeatable; all must match).") var matcher: [String] = []
        @Option(help: "How long, e.g. 2h, 7d (default 1d).") var duration: String = "1d"
        @Option(help: "Why.") var comment: String = ""
        @Option(help: "Who (default $USER).") var createdBy: String = ProcessInfo.processInfo.environment["USER"] ?? "cli"
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let matchers: [LabelMatcher]
            do {
                matchers = try matcher.map { try LabelMatcher(parsing: $0) }
            } catch {
                throw CLIError("\(error)")
            }
            for m in matchers where !AlertLabels.names.contains(m.name) {
                throw CLIError("'\(m.name)' is not an alert label; use one of \(AlertLabels.names.sorted().joined(separator: ", "))")
            }
            let seconds: TimeInterval
            do {
                seconds = try PipelineConfiguration.duration(duration, field: "--duration")
            } catch {
                throw CLIError(error.description)
            }
            let now = Date()
            let silence: Silence
            do {
                silence = try Silence(id: UUID().uuidString.lowercased(), enterprise: enterprise, matchers: matchers, startsAt: now,
                                      endsAt: now.addingTimeInterval(seconds), createdBy: createdBy, comment: comment)
            } catch {
                throw CLIError(error.description)
            }
            try await SQLiteAlertStore(database: try database.open(mustExist: false)).addSilence(silence)
            print(silence.id)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List silences (active and expired).")
        @Option(help: "Only this enterprise's (and the zone-wide ones).") var enterprise: String?
        @OptionGroup var database: DatabaseOptions
        @Option(help: "json | table.") var format: String = "table"

        func run() async throws {
            let silences = try await SQLiteAlertStore(database: try database.open(mustExist: true)).silences(enterprise: enterprise)
            if format == "json" {
                try printJSON(silences)
                return
            }
            let now = Date()
            for s in silences {
                print("\(s.id)\t\(s.isActive(at: now) ? "active" : s.endsAt <= now ? "expired" : "pending")\t\(s.enterprise ?? "zone-wide")\t"
                      + "\(s.matchers.map(\.description).joined(separator: ","))\tuntil \(s.endsAt.formatted(.iso8601))\t\(s.comment)")
            }
            print("\(silences.count) silence(s)")
        }
    }

    struct Expire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a silence now.")
        @Argument(help: "The silence id.") var id: String
        @Option(help: "The enterprise it belongs to (an enterprise may expire only its own).") var enterprise: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard try await SQLiteAlertStore(database: try database.open(mustExist: true)).expireSilence(id: id, enterprise: enterprise, at: Date()) else {
                throw CLIError("no silence \(id)\(enterprise.map { " of \($0)" } ?? "")")
            }
            print("expired \(id)")
        }
    }
}
