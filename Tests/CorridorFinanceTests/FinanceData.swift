import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation

/// The real finance files, loaded once for all tests.
enum FinanceData {
    private static let loaded: Result<FXRates, FinanceError> = Result { () throws(FinanceError) in
        try FXRates(dataDirectory: TestData.directory)
    }

    /// ECB and H.10 rates from ../shared/data/finance (throws when the data is missing).
    static func rates() throws -> FXRates {
        _ = try TestData.requireData()
        return try loaded.get()
    }

    /// A CSV from ../shared/data/finance.
    static func dataset(_ name: String) throws -> CreditDataset {
        try CreditDataset(contentsOf: try TestData.requireData().appendingPathComponent("finance/\(name)"))
    }

    /// Simple daily returns of the EUR value of one unit of `currency` in [from, to].
    static func returns(_ currency: String, _ from: String, _ to: String) throws -> [Double] {
        try rates().series(of: CurrencyCode(currency), in: CurrencyCode("EUR"), from: CivilDate(parsing: from), to: CivilDate(parsing: to)).returns()
    }
}

func code(_ text: String) throws -> CurrencyCode { try CurrencyCode(text) }
func day(_ text: String) throws -> CivilDate { try CivilDate(parsing: text) }
