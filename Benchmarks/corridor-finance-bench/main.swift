// Finance measurements for `make bench`: CorridorFinance's figures and timings on the real files,
// written as JSON for Benchmarks/peer_finance.py, which runs NumPy, arch, optbinning and
// scorecardpy on the same inputs in the same run and prints the comparison.
//
// Usage: corridor-finance-bench DATA_DIR WORK_DIR
import CorridorFinance
import CorridorModel
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: corridor-finance-bench DATA_DIR WORK_DIR\n".utf8))
    exit(2)
}
let data = URL(fileURLWithPath: arguments[1], isDirectory: true)
let work = URL(fileURLWithPath: arguments[2], isDirectory: true)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

/// Median wall time of `runs` calls, in seconds.
func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[runs / 2]
}

var out: [String: Any] = [:]

// FX: EUR value of one CNY, 2016-01-01 … 2025-12-31, simple daily returns.
let loadTime = try median(runs: 3) { _ = try FXRates(dataDirectory: data) }
let rates = try FXRates(dataDirectory: data)
let series = try rates.series(of: CurrencyCode("CNY"), in: CurrencyCode("EUR"), from: CivilDate(parsing: "2016-01-01"), to: CivilDate(parsing: "2025-12-31"))
let returns = series.returns()
var historical: [String: [Double]] = [:]
for level in [0.99, 0.95] {
    let e = try ValueAtRisk.historical(returns, level: level)
    historical["\(level)"] = [e.valueAtRisk, e.expectedShortfall]
}
let historicalTime = try median(runs: 200) { _ = try ValueAtRisk.historical(returns, level: 0.99) }
out["fx"] = ["observations": returns.count, "historical": historical, "historical_seconds": historicalTime, "load_seconds": loadTime] as [String: Any]

var garch: [String: Any] = [:]
let scaled = returns.map { $0 * 100 }
for distribution in GARCHModel.Distribution.allCases {
    let model = GARCHModel(distribution: distribution)
    let fit = try model.fit(scaled)
    let seconds = try median(runs: 31) { _ = try model.fit(scaled) }
    var params = [fit.mu, fit.omega, fit.alpha, fit.beta]
    if let nu = fit.nu { params.append(nu) }
    garch[distribution.rawValue] = ["params": params, "loglik": fit.logLikelihood, "seconds": seconds, "iterations": fit.iterations, "evaluations": fit.evaluations] as [String: Any]
}
out["garch"] = garch

// Binning: breast_cancer.csv `mean radius` against `target`.
let cancer = try CreditDataset(contentsOf: data.appendingPathComponent("finance/breast_cancer.csv"))
let radius = try cancer.numericColumn("mean radius") ?? []
let cancerTarget = try cancer.target("target").values
let binning = try OptimalBinning().fitNumeric(radius, target: cancerTarget, feature: "mean radius")
let binningTime = try median(runs: 201) { _ = try OptimalBinning().fitNumeric(radius, target: cancerTarget, feature: "mean radius") }
out["binning"] = ["splits": binning.splits, "iv": binning.informationValue, "seconds": binningTime] as [String: Any]

// German credit: a seeded stratified split exported for scorecardpy, and this scorecard on it.
let credit = try CreditDataset(contentsOf: data.appendingPathComponent("finance/germancredit.csv"))
let creditTarget = try credit.target("creditability")
let split = try StratifiedSplit(outcomes: creditTarget.values, testShare: 0.3, seed: 42)
func csv(_ rows: [Int]) -> String {
    func quote(_ field: String?) -> String {
        guard let field else { return "" }
        return field.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
    let lines = [credit.columns.map(quote).joined(separator: ",")] + rows.map { credit.rows[$0].map(quote).joined(separator: ",") }
    return lines.joined(separator: "\n") + "\n"
}
try csv(split.train).write(to: work.appendingPathComponent("german_train.csv"), atomically: true, encoding: .utf8)
try csv(split.test).write(to: work.appendingPathComponent("german_test.csv"), atomically: true, encoding: .utf8)
var card: Scorecard?
let trainTime = try median(runs: 3) { card = try ScorecardTrainer().train(credit, target: creditTarget, train: split.train, test: split.test) }
if let card, let test = card.testMetrics {
    out["scorecard"] = ["auc": test.auc, "ks": test.ks, "train_auc": card.trainMetrics.auc, "features": card.features.count,
                        "l2": card.l2, "seconds": trainTime, "train_rows": split.train.count, "test_rows": split.test.count] as [String: Any]
}

let json = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys])
try json.write(to: work.appendingPathComponent("swift.json"))
print("corridor-finance-bench: wrote \(work.appendingPathComponent("swift.json").path)")
