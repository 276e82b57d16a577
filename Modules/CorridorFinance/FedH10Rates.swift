public import CorridorModel
public import Foundation

/// The Federal Reserve's H.10 monthly exchange rates as the `datasets/exchange-rates` package
/// publishes them (`Date,Country,Exchange rate`).
///
/// H.10 itself quotes the euro, sterling and the Australian and New Zealand dollars in US dollars
/// per unit; this file has already turned every series into units of currency per US dollar (Euro
/// 0.9011 in January 2020), which is what ``rates`` holds. Series of currencies that no longer
/// exist (the euro area's legacy currencies, the Venezuelan bolívar fuerte) are kept aside in
/// ``retiredSeries``.
public struct FedH10Rates: Sendable {
    /// Per currency, (first day of the month, units of currency per USD), oldest first.
    public let rates: [CurrencyCode: [(date: CivilDate, value: Double)]]
    /// Country names whose series are not offered, because their currency is no longer in ISO 4217.
    public let retiredSeries: [String]

    /// H.10 country names → ISO 4217 code.
    static let countries: [String: String] = [
        "Australia": "AUD", "Brazil": "BRL", "Canada": "CAD",
        "China": "CNY", "Denmark": "DKK", "Euro": "EUR",
        "Hong Kong": "HKD", "India": "INR", "Japan": "JPY",
        "Malaysia": "MYR", "Mexico": "MXN", "New Zealand": "NZD",
        "Norway": "NOK", "Singapore": "SGD", "South Africa": "ZAR",
        "South Korea": "KRW", "Sri Lanka": "LKR", "Sweden": "SEK",
        "Switzerland": "CHF", "Taiwan": "TWD", "Thailand": "THB",
        "United Kingdom": "GBP",
    ]

    /// Parses the text of the file; `file` names it in errors.
    public init(text: String, file: String = "fed_h10_monthly.csv") throws(FinanceError) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(text)
        } catch {
            throw .malformedFile(file: file, line: error.line, reason: error.reason)
        }
        guard let header = records.first, header.fields.count >= 3, header.fields[0] == "Date", header.fields[1] == "Country" else {
            throw .malformedFile(file: file, line: 1, reason: "the header must be 'Date,Country,Exchange rate'")
        }
        var series: [CurrencyCode: [(date: CivilDate, value: Double)]] = [:]
        var retired = Set<String>()
        for record in records.dropFirst() {
            guard record.fields.count >= 3 else {
                throw .malformedFile(file: file, line: record.line, reason: "expected 3 fields, found \(record.fields.count)")
            }
            guard let date = CivilDate(record.fields[0]) else {
                throw .malformedFile(file: file, line: record.line, reason: "'\(record.fields[0])' is not a date (YYYY-MM-DD)")
            }
            let country = record.fields[1]
            guard let entry = Self.countries[country], let code = try? CurrencyCode(entry) else {
                retired.insert(country)
                continue
            }
            let text = record.fields[2].trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text == "N/A" || text == "ND" { continue }
            guard let value = Double(text), value > 0, value.isFinite else {
                throw .malformedFile(file: file, line: record.line, reason: "rate '\(text)' is not a positive number")
            }
            series[code, default: []].append((date, value))
        }
        for key in series.keys { series[key]?.sort { $0.date < $1.date } }
        rates = series
        retiredSeries = retired.sorted()
    }

    /// Reads and parses a file.
    public init(contentsOf url: URL) throws(FinanceError) {
        try self.init(text: TextFile.read(url), file: url.lastPathComponent)
    }
}
