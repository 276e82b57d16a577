import ArgumentParser
import CorridorServer
import Logging

/// `corridord serve`: run the HTTP API until SIGTERM or SIGINT, then shut down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP API (the default command).")

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: "The address to listen on; overrides the file and CORRIDOR_HOST.")
    var host: String?

    @Option(name: .long, help: "The port; overrides the file and CORRIDOR_PORT.")
    var port: Int?

    func run() async throws {
        var configuration = try options.load()
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        do {
            try configuration.validate()
        } catch {
            throw ValidationError(error.description)
        }
        var logger = Logger(label: "corridord")
        logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
        logger.info("starting", metadata: [
            "host": "\(configuration.host)", "port": "\(configuration.port)", "database": "\(configuration.database)",
        ])
        try await CorridorApplication.run(configuration: configuration, logger: logger)
        logger.info("stopped")
    }
}
