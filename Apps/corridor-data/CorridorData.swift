import ArgumentParser

/// `corridor-data`: import and query reference data (nomenclatures, correlations, national tariffs).
@main
struct CorridorData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-data",
        abstract: "Import and query Corridor's reference data: HS nomenclatures, HS correlations, US HTS and EU CN.",
        discussion: """
            Reference data comes from a directory or URL laid out like ../shared/data (see Docs/DATA.md).
            The database defaults to ./corridor.sqlite, or $CORRIDOR_DATABASE when set.
            """,
        subcommands: [ImportCommand.self, LookupCommand.self, SearchCommand.self, CorrelateCommand.self,
                      DiffCommand.self, StatusCommand.self]
    )
}
