public import CorridorStore
import CorridorModel
import Foundation

/// A database with all real reference data imported, built once per test process and shared.
public enum ReferenceFixture {
    private static let task = Task<CorridorDatabase, any Error> {
        let directory = try TestData.requireData()
        let database = try CorridorDatabase.inMemory()
        let reports = await ReferenceImporter(database: database).importAll(
            from: .directory(directory), importedAt: Date(timeIntervalSince1970: 1_780_000_000))
        if let failed = reports.first(where: { $0.status != .imported }) {
            throw ImportFailed(report: failed)
        }
        return database
    }

    /// The shared database. Treat it as read-only.
    public static func database() async throws -> CorridorDatabase {
        try await task.value
    }

    /// A dataset did not import.
    public struct ImportFailed: Error, CustomStringConvertible {
        public let report: ImportReport
        public var description: String { "\(report.dataset) \(report.status): \(report.message ?? "")" }
    }
}
