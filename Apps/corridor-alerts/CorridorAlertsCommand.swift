import ArgumentParser

/// `corridor-alerts`: trade-friction early warning.
@main
struct CorridorAlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-alerts",
        abstract: "Trade-friction early warning: read policy events from official feeds and match them to enterprises' products and markets.",
        discussion: "Sources: federal-register (documents.json pages), eurlex (RSS/Atom), csv and json (a zone's own events), rule-pack (a RulePackDiff). See Docs/ALERTS.md.",
        subcommands: [IngestCommand.self, MatchCommand.self]
    )
}
