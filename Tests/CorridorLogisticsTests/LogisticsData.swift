import CorridorLogistics
import CorridorModel
import CorridorTestSupport
import Foundation

/// The real logistics files, loaded once for all tests.
enum LogisticsData {
    private static let network: Result<SeaNetwork, LogisticsError> = Result { () throws(LogisticsError) in
        try SeaNetwork(contentsOf: TestData.directory.appendingPathComponent("logistics/searoute_marnet.geojson"))
    }
    private static let portList: Result<PortDirectory, LogisticsError> = Result { () throws(LogisticsError) in
        try PortDirectory(contentsOf: TestData.directory.appendingPathComponent("logistics/searoute_ports.geojson"))
    }

    static func sea() throws -> SeaNetwork {
        _ = try TestData.requireData()
        return try network.get()
    }

    static func ports() throws -> PortDirectory {
        _ = try TestData.requireData()
        return try portList.get()
    }

    static func planner() throws -> MultimodalPlanner {
        MultimodalPlanner(dataset: try CorridorDataset.bundled(), sea: try sea(), ports: try ports())
    }
}
