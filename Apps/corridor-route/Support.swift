import ArgumentParser
import CorridorCommandLine
import CorridorLogistics
import CorridorModel
import Foundation

/// Runs engine code, turning its typed error into a user-facing one.
func logistics<T>(_ body: () throws(LogisticsError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError(error.description)
    }
}

extension DataOptions {
    func network() throws -> SeaNetwork {
        try logistics { () throws(LogisticsError) in try SeaNetwork(contentsOf: directory.appendingPathComponent("logistics/searoute_marnet.geojson")) }
    }

    func ports() throws -> PortDirectory {
        try logistics { () throws(LogisticsError) in try PortDirectory(contentsOf: directory.appendingPathComponent("logistics/searoute_ports.geojson")) }
    }
}

func list(_ text: String?) -> [String] {
    text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
}

/// Exit status for "no route": a valid answer, told apart from errors.
let noRouteStatus: Int32 = 3
