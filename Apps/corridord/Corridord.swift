import ArgumentParser

/// `corridord`: the Corridor daemon and its admin commands.
@main
struct Corridord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridord",
        abstract: "The Corridor server, and admin commands for enterprises and API keys.",
        subcommands: [ServeCommand.self, EnterprisesCommand.self, KeysCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
