import ArgumentParser
import CorridorLogistics
import CorridorModel
import Foundation

/// An error shown to the user as `Error: message`, with exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Runs engine code, turning its typed error into a user-facing one.
func logistics<T>(_ body: () throws(LogisticsError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError(error.description)
    }
}

/// `--data DIR`.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Reference-data directory (default: $CORRIDOR_DATA, else ../shared/data).")
    var data: String?

    var directory: URL {
        if let data { return URL(fileURLWithPath: data, isDirectory: true) }
        if let env = ProcessInfo.processInfo.environment["CORRIDOR_DATA"], !env.isEmpty { return URL(fileURLWithPath: env, isDirectory: true) }
        return URL(fileURLWithPath: "../shared/data", isDirectory: true)
    }

    func network() throws -> SeaNetwork {
        try logistics { () throws(LogisticsError) in try SeaNetwork(contentsOf: directory.appendingPathComponent("logistics/searoute_marnet.geojson")) }
    }

    func ports() throws -> PortDirectory {
        try logistics { () throws(LogisticsError) in try PortDirectory(contentsOf: directory.appendingPathComponent("logistics/searoute_ports.geojson")) }
    }
}

func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

func writeSVG(_ svg: String, to path: String) throws {
    do {
        try svg.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw CLIError("cannot write \(path): \(error.localizedDescription)")
    }
    FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
}

func list(_ text: String?) -> [String] {
    text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
}

/// Exit status for "no route": a valid answer, told apart from errors.
let noRouteStatus: Int32 = 3
