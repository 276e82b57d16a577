import ArgumentParser

/// `corridor-rules`: the rule engine's CLI (issue 4, in progress: duty rates).
@main
struct CorridorRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-rules",
        abstract: "Effective-dated trade rules. Built so far: tariff rate texts read into duty expressions, computed, and measured on the HTS.",
        subcommands: [DutyCommand.self]
    )
}
