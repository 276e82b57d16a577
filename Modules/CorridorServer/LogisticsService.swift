public import CorridorLogistics
import CorridorModel
import Foundation
public import Logging

/// What the route endpoints compute from: the maritime network, the ports and a planner, loaded
/// from the data directory at start. When the files are missing the routes answer 503 with the reason.
public struct LogisticsService: Sendable {
    /// The planner (which holds the network and the ports), or why it is not loaded.
    public let planner: Result<MultimodalPlanner, LogisticsError>

    /// Wraps a loaded planner.
    public init(planner: Result<MultimodalPlanner, LogisticsError>) {
        self.planner = planner
    }

    /// Loads the network, the ports and the bundled corridor dataset.
    public static func load(dataDirectory: String, logger: Logger) -> LogisticsService {
        let directory = URL(fileURLWithPath: dataDirectory, isDirectory: true)
        let planner = Result { () throws(LogisticsError) -> MultimodalPlanner in
            let sea = try SeaNetwork(contentsOf: directory.appendingPathComponent("logistics/searoute_marnet.geojson"))
            let ports = try PortDirectory(contentsOf: directory.appendingPathComponent("logistics/searoute_ports.geojson"))
            return MultimodalPlanner(dataset: try CorridorDataset.bundled(), sea: sea, ports: ports)
        }
        if case .failure(let error) = planner { logger.warning("logistics data not loaded; /v1/routes answers 503", metadata: ["reason": "\(error)"]) }
        return LogisticsService(planner: planner)
    }
}
