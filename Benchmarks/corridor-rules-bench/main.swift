// Rules measurements (make bench, section "rules"): loading and type-checking every shipped pack; a
// 3-line landed-cost quote in-process (reference data gathered once, so no I/O is timed); and one
// decision evaluated by the rule engine against the same logic hand-written in Swift, in the same run.
//
// usage: corridor-rules-bench DATA_DIR WORK_DIR
import CorridorModel
import CorridorRules
import CorridorStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: corridor-rules-bench DATA_DIR WORK_DIR\n".utf8))
    exit(2)
}
let dataDirectory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let work = URL(fileURLWithPath: arguments[2], isDirectory: true)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("corridor-rules-bench: \(message)\n".utf8))
    exit(1)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
}

func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

// 1. Pack load and type-check (YAML parse, checks, compilation of every expression).
var loads: [Double] = []
for _ in 0..<30 {
    let start = nanos()
    guard (try? BundledPacks.load()) != nil else { fail("the shipped packs do not load") }
    loads.append(Double(nanos() - start) / 1e6)
}
loads.sort()
let packs: RulePackSet
do { packs = try BundledPacks.load() } catch { fail("\(error)") }
let ruleCount = packs.packs.reduce(0) { $0 + $1.decisions.reduce(0) { $0 + $1.rules.count } }

// 2. A 3-line quote, in-process. The reference data (HS, HTS lines, ECB rates) is gathered once.
try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let databasePath = work.appendingPathComponent("reference.sqlite").path
try? FileManager.default.removeItem(atPath: databasePath)
let database: CorridorDatabase
do { database = try CorridorDatabase(path: databasePath) } catch { fail("\(error)") }
let reports = await ReferenceImporter(database: database).importAll(from: .directory(dataDirectory), only: ["hs2022", "us-hts-2026r4"],
                                                                     importedAt: Date())
guard reports.allSatisfy({ $0.status != .failed }) else { fail("reference import failed: \(reports)") }
let rates: ECBRateTable
do { rates = try ECBRateTable(contentsOf: dataDirectory.appendingPathComponent("finance/ecb_eurofxref_hist.csv")) } catch { fail("\(error)") }
let resolver = QuoteResolver(reference: ReferenceStore(database: database), rates: rates)
let engine = QuoteEngine(packs: packs)

let requests: [(String, String)] = [
    ("EU, IOSS, flat duty, VAT", """
        {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"postal","currency":"EUR","seller":{"ioss_registered":true},
         "shipping":"5.00","lines":[{"code":"610910","customs_value":"20.00"},{"code":"640299","customs_value":"35.00"},{"code":"851713","customs_value":"80.00"}]}
        """),
    ("US, MFN from the HTS, EUR→USD", """
        {"as_of":"2026-03-01","origin":"VN","destination":"US","channel":"express","currency":"EUR","shipping":"8.00",
         "lines":[{"code":"610910","customs_value":"20.00","quantity":{"value":"2","unit":"H87"}},{"code":"64029925","customs_value":"45.00","quantity":{"value":"1","unit":"PR"}},{"code":"851713","customs_value":"300"}]}
        """),
]
var quoteRows: [String] = []
for (name, json) in requests {
    let request: QuoteRequest
    let context: QuoteContext
    do {
        request = try QuoteRequest.parse(Data(json.utf8))
        let pack = try packs.pack(for: request.destination)
        context = try await resolver.context(for: request, currency: pack.currency, jurisdiction: pack.jurisdiction)
        let check = try engine.quote(request, context: context)
        guard check.complete else { fail("\(name): the quote is incomplete: \(check.questions)") }
    } catch { fail("\(name): \(error)") }
    var samples: [Double] = [], encoded: [Double] = []
    samples.reserveCapacity(20_000)
    encoded.reserveCapacity(20_000)
    for _ in 0..<20_000 {
        let start = nanos()
        guard let q = try? engine.quote(request, context: context) else { fail("\(name): quote failed") }
        let computed = nanos()
        guard let bytes = try? QuoteDesk.canonical(q), !bytes.isEmpty else { fail("\(name): encoding failed") }
        let done = nanos()
        samples.append(Double(computed - start) / 1e3)
        encoded.append(Double(done - start) / 1e3)
    }
    samples.sort()
    encoded.sort()
    quoteRows.append(String(format: "| %@ | 3 | %.1f | %.1f | %.1f | %.1f |", name, percentile(samples, 0.5), percentile(samples, 0.99),
                            samples.reduce(0, +) / Double(samples.count), percentile(encoded, 0.5)))
}

// 3. The EU regime decision: the engine against the same logic written by hand, on the same facts.
guard let eu = packs.pack(id: "eu-low-value"), let regime = eu.decision("regime") else { fail("no eu-low-value regime") }
guard let euro = try? CurrencyCode("EUR"), let threshold = Decimal(exactLiteral: "150"), let three = try? Money(3, euro),
      let flatStart = try? CivilDate(parsing: "2026-07-01"), let vatStart = try? CivilDate(parsing: "2021-07-01") else { fail("constants") }
var random = SeededGenerator(seed: 4)
let days = ["2025-03-01", "2026-06-30", "2026-07-01", "2026-11-29"].compactMap { try? CivilDate(parsing: $0) }
struct Case { let value: Money; let ioss: Bool?; let day: CivilDate }
let cases: [Case] = (0..<10_000).compactMap { _ in
    let cents = Decimal(Int(random.next() % 40_000)) / 100
    let ioss: Bool? = [true, false, nil][Int(random.next() % 3)]
    guard let value = try? Money(cents, euro) else { return nil }
    return Case(value: value, ioss: ioss, day: days[Int(random.next() % UInt64(days.count))])
}
let contexts = cases.map { c -> EvaluationContext in
    var facts: [String: RuleValue] = ["consignment.value": .money(c.value)]
    if let ioss = c.ioss { facts["seller.ioss_registered"] = .bool(ioss) }
    return EvaluationContext(facts: facts, asOf: c.day, converter: nil)
}

struct Outcome: Equatable { let rule: String; let duty: String; let deMinimis: Bool; let flat: Money?; let missing: Bool }

/// The regime decision of eu-low-value.yaml, written by hand.
@inline(never) func byHand(_ c: Case) -> Outcome {
    let low = c.value.amount <= threshold
    if c.day >= flatStart {
        if low {
            guard let ioss = c.ioss else { return Outcome(rule: "", duty: "", deMinimis: false, flat: nil, missing: true) }
            if ioss { return Outcome(rule: "eu-flat-duty-ioss", duty: "flat", deMinimis: false, flat: three, missing: false) }
            return Outcome(rule: "eu-duty-relief-150-non-ioss", duty: "exempt", deMinimis: true, flat: nil, missing: false)
        }
        return Outcome(rule: "eu-standard", duty: "mfn", deMinimis: false, flat: nil, missing: false)
    }
    if c.day >= vatStart {
        if low { return Outcome(rule: "eu-duty-relief-150", duty: "exempt", deMinimis: true, flat: nil, missing: false) }
        return Outcome(rule: "eu-standard", duty: "mfn", deMinimis: false, flat: nil, missing: false)
    }
    return Outcome(rule: "", duty: "", deMinimis: false, flat: nil, missing: true)
}

@inline(never) func byEngine(_ context: EvaluationContext) -> Outcome {
    guard let result = try? regime.evaluate(in: context, pack: "eu-low-value") else { return Outcome(rule: "", duty: "", deMinimis: false, flat: nil, missing: true) }
    guard let match = result.matches.first, result.isSettled else { return Outcome(rule: "", duty: "", deMinimis: false, flat: nil, missing: true) }
    guard case .string(let duty)? = match.outputs["duty"], case .bool(let deMinimis)? = match.outputs["de_minimis_applied"] else { fail("outputs") }
    var flat: Money?
    if case .money(let m)? = match.outputs["flat_amount"] { flat = m }
    return Outcome(rule: match.rule, duty: duty, deMinimis: deMinimis, flat: flat, missing: false)
}

// Both must agree on every case before either is timed.
for (i, c) in cases.enumerated() where byHand(c) != byEngine(contexts[i]) {
    fail("engine and hand-written logic disagree on \(c.value) ioss=\(String(describing: c.ioss)) \(c.day): \(byHand(c)) vs \(byEngine(contexts[i]))")
}
func time(_ rounds: Int, _ body: () -> Int) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = nanos()
        let n = body()
        let elapsed = Double(nanos() - start) / 1e9
        if n < 0 { fail("unreachable") }
        best = min(best, elapsed)
    }
    return best
}
let handSeconds = time(7) { cases.reduce(0) { $0 + (byHand($1).missing ? 1 : 0) } }
let engineSeconds = time(7) { contexts.reduce(0) { $0 + (byEngine($1).missing ? 1 : 0) } }
let perHand = handSeconds / Double(cases.count) * 1e9, perEngine = engineSeconds / Double(cases.count) * 1e9

print("## Rules (corridor-rules-bench)")
print()
print("| measure | figure | goal |")
print("|---|---|---|")
print(String(format: "| load + type-check of all %d shipped packs (%d rules), p50 of 30 | %.1f ms (max %.1f ms) | < 200 ms |", packs.packs.count, ruleCount, percentile(loads, 0.5), loads.last ?? .nan))
print(String(format: "| EU regime decision, engine vs hand-written Swift (10,000 cases, best of 7) | %.0f ns vs %.0f ns: %.2f× | ≤ 5× |", perEngine, perHand, perEngine / perHand))
print()
print("| 3-line quote, in-process, 20,000 runs | lines | p50 µs | p99 µs | mean µs | p50 µs with canonical JSON encoding |")
print("|---|---|---|---|---|---|")
for row in quoteRows { print(row) }
print()
print("goal: quote p50 < 50 µs")
