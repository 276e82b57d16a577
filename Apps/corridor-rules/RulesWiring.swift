import CorridorCommandLine
import CorridorModel
import CorridorRules
import CorridorStore
import Foundation

/// Composes the quote desk from the store and the data directory.
enum RulesWiring {
    static func desk(packs: RulePackSet, database: CorridorDatabase, dataDirectory: URL) throws -> QuoteDesk {
        let ratesFile = dataDirectory.appendingPathComponent("finance/ecb_eurofxref_hist.csv")
        var rates: ECBRateTable?
        if FileManager.default.fileExists(atPath: ratesFile.path) {
            do { rates = try ECBRateTable(contentsOf: ratesFile) } catch { throw CLIError(error.description) }
        }
        return QuoteDesk(engine: QuoteEngine(packs: packs),
                         resolver: QuoteResolver(reference: ReferenceStore(database: database), rates: rates),
                         log: SQLiteDecisionLog(database: database))
    }
}
