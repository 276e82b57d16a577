import ArgumentParser

/// `corridor-route`: sea lanes, multimodal plans, warehouse coverage and timetable routing.
@main
struct CorridorRoute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-route",
        abstract: "Land-sea logistics: sea routes, multimodal Pareto plans (cost, time, CO2e), 72-hour coverage and siting, RAPTOR over GTFS.",
        discussion: """
            Data comes from a directory laid out like ../shared/data (logistics/searoute_marnet.geojson, searoute_ports.geojson,
            nyc_subway_gtfs.zip): --data, else $CORRIDOR_DATA, else ../shared/data. The land corridors are compiled in (Docs/LOGISTICS.md).
            A query with no route is a valid answer: it prints the reason and exits with status 3.
            """,
        subcommands: [SeaCommand.self, PlanCommand.self, CoverageCommand.self, GTFSCommand.self]
    )
}
