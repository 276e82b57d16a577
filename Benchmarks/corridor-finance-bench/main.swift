import CorridorFinance
import CorridorModel
import Foundation

let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CORRIDOR_DATA"] ?? "../shared/data")
let rates = try FXRates(dataDirectory: dir)
let s = try rates.series(of: CurrencyCode("CNY"), in: CurrencyCode("EUR"), from: CivilDate(parsing: "2016-01-01"), to: CivilDate(parsing: "2025-12-31"))
let r = s.returns()
print(r.count, s.gaps.count)
print(try ValueAtRisk.historical(r, level: 0.99))
for d in GARCHModel.Distribution.allCases {
    let t0 = Date()
    let fit = try GARCHModel(distribution: d).fit(r.map { $0 * 100 })
    print(fit, Date().timeIntervalSince(t0))
}
let bc = try CreditDataset(contentsOf: dir.appendingPathComponent("finance/breast_cancer.csv"))
let target = try bc.target("target")
let t0 = Date()
let b = try OptimalBinning().fitNumeric(bc.numericColumn("mean radius")!, target: target.values, feature: "mean radius")
print(Date().timeIntervalSince(t0))
print(b.splits, b.informationValue, b.trend)
for bin in b.bins { print(bin.label, bin.count, bin.woe, bin.iv) }
let gc = try CreditDataset(contentsOf: dir.appendingPathComponent("finance/germancredit.csv"))
let gt = try gc.target("creditability")
let split = try StratifiedSplit(outcomes: gt.values, testShare: 0.3, seed: 42)
let t1 = Date()
let card = try ScorecardTrainer().train(gc, target: gt, train: split.train, test: split.test)
print(Date().timeIntervalSince(t1))
print(card.trainMetrics, card.testMetrics!, card.l2, card.validation)
func csv(_ rows: [Int]) -> String {
    func q(_ f: String?) -> String { guard let f else { return "" }; return f.contains(",") || f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }
    return ([gc.columns.map(q).joined(separator: ",")] + rows.map { gc.rows[$0].map(q).joined(separator: ",") }).joined(separator: "\n") + "\n"
}
try csv(split.train).write(toFile: "/tmp/gc_train.csv", atomically: true, encoding: .utf8)
try csv(split.test).write(toFile: "/tmp/gc_test.csv", atomically: true, encoding: .utf8)
