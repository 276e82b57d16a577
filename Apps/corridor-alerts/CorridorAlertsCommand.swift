import ArgumentParser

/// `corridor-alerts`: trade-friction early warning.
@main
struct CorridorAlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-alerts",
        abstract: "Trade-friction early warning: read policy feeds, match them to enterprises' products and markets, and deliver signed webhooks.",
        discussion: """
            Sources: federal-register (documents.json pages), eurlex (RSS/Atom), wto (ePing notification pages), gta (GTA API v2 pages),
            csv and json (a zone's own events), rule-pack (a RulePackDiff). With --database, ingest stores events and records alerts;
            `run` groups, mutes and delivers them. See Docs/ALERTS.md.
            """,
        subcommands: [IngestCommand.self, FetchCommand.self, MatchCommand.self, PortfolioCommand.self, SubscribeCommand.self,
                      UnsubscribeCommand.self, ListCommand.self, RunCommand.self, SilencesCommand.self, DeadLettersCommand.self]
    )
}
