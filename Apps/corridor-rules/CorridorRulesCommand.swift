import ArgumentParser

/// `corridor-rules`: the rule engine's CLI.
@main
struct CorridorRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-rules",
        abstract: "Effective-dated trade rules: landed-cost quotes under cited rule packs, replayable decisions, and tariff rate texts.",
        subcommands: [QuoteCommand.self, OriginCommand.self, PacksCommand.self, ReplayCommand.self, DutyCommand.self]
    )
}
