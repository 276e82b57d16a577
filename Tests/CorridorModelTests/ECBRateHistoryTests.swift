import CorridorModel
import Foundation
import Testing

/// The ECB history shared by the rules and finance engines, on text in the ECB's own layout.
@Suite("ECB rate history")
struct ECBRateHistoryTests {
    /// Newest day first, a trailing comma on every row, `N/A`, a retired currency and CRLF line ends, as the ECB writes them.
    static let text = "Date,USD,JPY,CYP,\r\n2024-01-03,1.0919,155.52,N/A,\r\n2024-01-02,1.0956,N/A,0.5853,\r\n"

    @Test("days come out oldest first with exact decimals; N/A stays missing; every header column is kept")
    func reads() throws {
        let history = try ECBRateHistory(text: Self.text)
        #expect(history.columns == ["USD", "JPY", "CYP"])
        #expect(history.days.map(\.date.description) == ["2024-01-02", "2024-01-03"])
        #expect(history.days[0].rates == [Decimal(string: "1.0956"), nil, Decimal(string: "0.5853")])
        #expect(history.days[1].rates[1] == Decimal(string: "155.52"), "exact, not a binary approximation")
    }

    @Test("malformed files name the line and the reason")
    func refusals() {
        func reason(_ text: String) -> String {
            do { _ = try ECBRateHistory(text: text); return "accepted" } catch { return error.description }
        }
        #expect(reason("") == "line 1: the file is empty")
        #expect(reason("Day,USD,\n2024-01-02,1.09,\n") == "line 1: the header must start with 'Date' (the ECB's eurofxref-hist layout)")
        #expect(reason("Date,USD,\n2024-01-02,1.09,\n2024-01-03,-1,\n") == "line 3: USD rate '-1' is not a positive decimal")
        #expect(reason("Date,USD,\n2024-01-02,1.09,\n\n2024-13-03,1.1,\n") == "line 4: '2024-13-03' is not a date (YYYY-MM-DD)")
        #expect(reason("Date,USD,JPY,\n2024-01-02,1.09\n") == "line 2: 2 fields where the header has 4")
        #expect(reason("Date,USD,\n2024-01-02,\"1.09\",\n") == "line 2: quoted fields are not in the ECB's layout")
        #expect(reason("Date,USD,\n2024-01-02,1.09,\n2024-01-02,1.1,\n").hasSuffix("the date 2024-01-02 appears twice"))
        #expect(reason("Date,USD,\n") == "line 2: the file holds no rates")
    }
}
