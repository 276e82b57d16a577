import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Optimal binning")
struct OptimalBinningTests {
    @Test("breast_cancer mean radius: optbinning 1.0's splits and IV 5.043925", .needsReferenceData)
    func optbinningReference() throws {
        let data = try FinanceData.dataset("breast_cancer.csv")
        let target = try data.target("target")
        let binning = try OptimalBinning().fitNumeric(try #require(try data.numericColumn("mean radius")), target: target.values, feature: "mean radius")
        let expected = [11.425, 12.33, 13.095, 13.705, 15.045, 16.925]
        #expect(binning.splits.count == expected.count)
        for (a, b) in zip(binning.splits, expected) { #expect(abs(a - b) < 1e-6) }
        #expect(abs(binning.informationValue - 5.043925) < 1e-6)
        #expect(binning.trend == "descending")
        #expect(binning.bins.map(\.count) == [118, 79, 68, 49, 83, 54, 118])
        #expect(binning.bins.allSatisfy { Double($0.count) >= 0.05 * 569 })
        // WoE = ln(share of non-events / share of events): bin 0 is mostly target 1 (benign).
        #expect(abs(binning.bins[0].woe - -3.125170) < 1e-6)
    }

    @Test("monotone WoE, at most 8 bins, each ≥ 5%, on every numeric German-credit feature", .needsReferenceData)
    func constraints() throws {
        let data = try FinanceData.dataset("germancredit.csv")
        let target = try data.target("creditability")
        #expect(target.event == "bad")
        for name in ["duration_in_month", "credit_amount", "age_in_years"] {
            let b = try OptimalBinning().fitNumeric(try #require(try data.numericColumn(name)), target: target.values, feature: name)
            #expect(b.bins.count <= 8)
            #expect(b.bins.allSatisfy { $0.count >= 50 }, "\(name)")
            let rates = b.bins.map(\.eventRate)
            let monotone = zip(rates, rates.dropFirst()).allSatisfy { b.trend == "ascending" ? $0 <= $1 : $0 >= $1 }
            #expect(monotone, "\(name): \(rates)")
            #expect(b.informationValue > 0.02)
        }
    }

    @Test("categorical features group categories ordered by event rate", .needsReferenceData)
    func categorical() throws {
        let data = try FinanceData.dataset("germancredit.csv")
        let target = try data.target("creditability")
        let b = try OptimalBinning().fitCategorical(data.column("purpose"), target: target.values, feature: "purpose")
        let categories = b.bins.flatMap { $0.categories ?? [] }
        #expect(Set(categories).count == 10, "every category lands in exactly one bin")
        #expect(categories.count == 10)
        #expect(zip(b.bins.map(\.eventRate), b.bins.dropFirst().map(\.eventRate)).allSatisfy { $0 <= $1 })
        #expect(b.woe(for: "a purpose never seen") == 0)
    }

    @Test("missing values get their own bin and their own WoE")
    func missingBin() throws {
        var values: [Double?] = []
        var target: [Bool] = []
        for i in 0..<400 {
            values.append(Double(i))
            target.append(i % 3 == 0 ? i > 200 : i % 7 == 0)
        }
        for i in 0..<40 {
            values.append(nil)
            target.append(i % 2 == 0)
        }
        let b = try OptimalBinning().fitNumeric(values, target: target, feature: "x")
        #expect(b.missing.count == 40)
        #expect(b.missing.events == 20)
        #expect(b.woe(for: nil) == b.missing.woe)
        #expect(b.bins.reduce(0) { $0 + $1.count } == 400)
    }

    @Test("a constant feature and a target that is not binary are precise errors")
    func errors() throws {
        #expect(throws: FinanceError.constantFeature("flat")) {
            try OptimalBinning().fitNumeric([Double?](repeating: 1, count: 100), target: (0..<100).map { $0 % 2 == 0 }, feature: "flat")
        }
        let csv = "grade,x\nA,1\nB,2\nC,3\n"
        let data = try CreditDataset(csv: csv)
        #expect(throws: FinanceError.targetNotBinary(column: "grade", values: ["A", "B", "C"])) { try data.target("grade") }
        #expect(throws: FinanceError.self) { try BinaryTarget(column: "t", outcomes: ["up", "down"]) }
        #expect(try BinaryTarget(column: "t", outcomes: ["up", "down"], event: "down").events == 1)
    }
}
