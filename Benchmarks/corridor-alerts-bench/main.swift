// Alerts measurements (make bench, section "alerts"): matching throughput, sustained ingest at a
// fixed arrival rate with ingest-to-enqueue latency, resident memory over the run, and the cost of
// one pipeline tick over the alerts accumulated. No peer: no open tool matches HS-prefixed policy
// events to portfolios; the goals are the absolute ones.
//
// usage: corridor-alerts-bench DATA_DIR WORK_DIR [SECONDS] [RATE]
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: corridor-alerts-bench DATA_DIR WORK_DIR [SECONDS] [RATE]\n".utf8))
    exit(2)
}
let dataDirectory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let work = URL(fileURLWithPath: arguments[2], isDirectory: true)
let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 600 : 600
let rate = arguments.count > 4 ? Int(arguments[4]) ?? 1000 : 1000

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("corridor-alerts-bench: \(message)\n".utf8))
    exit(1)
}

/// Resident memory in MiB (Linux /proc).
func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
    return kb / 1024
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

// Real HS 2022 subheadings, from the WCO nomenclature file the importers read.
let hsFile = dataDirectory.appendingPathComponent("hs/hs2022.csv")
guard let hsText = try? String(contentsOf: hsFile, encoding: .utf8) else { fail("cannot read \(hsFile.path)") }
let subheadings: [String] = hsText.split(separator: "\n").dropFirst().compactMap { (line: Substring) -> String? in
    let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
    return fields.count >= 2 && fields[1].count == 6 && fields[1].allSatisfy(\.isNumber) ? String(fields[1]) : nil
}
guard subheadings.count > 5000 else { fail("\(hsFile.path) holds \(subheadings.count) subheadings") }

// 1,000 enterprises × 100 SKUs = 100,000 SKUs; 10 subscriptions each = 10,000 subscriptions.
var random = SeededGenerator(seed: 2026)
let markets: [String] = ["US", "DE", "FR", "NL", "IT", "ES", "PL", "GB", "JP", "AU", "ID", "TH", "VN", "MY", "MX", "BR"]
let measures = MeasureType.allCases.map(\.rawValue)
var portfolios: [Portfolio] = []
for e in 0..<1000 {
    // Each exporter works a few chapters, as real ones do.
    let chapters = (0..<3).map { _ in subheadings[Int(random.next() % UInt64(subheadings.count))].prefix(2) }
    let pool = subheadings.filter { code in chapters.contains { code.hasPrefix($0) } }
    let skus = (0..<100).map { s in
        Portfolio.SKU(id: "SKU-\(e)-\(s)", hs6: pool[Int(random.next() % UInt64(pool.count))],
                      markets: (0..<(1 + Int(random.next() % 3))).map { _ in markets[Int(random.next() % UInt64(markets.count))] })
    }
    let subscriptions = (0..<10).map { k -> Subscription in
        let sku = skus[Int(random.next() % 100)]
        let prefix = k % 3 == 0 ? String(sku.hs6.prefix(2)) : String(sku.hs6.prefix(4))
        return Subscription(id: "sub-\(k)", hs: k == 9 ? [] : [prefix], markets: k % 2 == 0 ? [sku.markets[0]] : [],
                            measures: k % 4 == 1 ? [measures[Int(random.next() % UInt64(measures.count))]] : [],
                            minSeverity: ["low", "medium", "high"][Int(random.next() % 3)],
                            keywords: k == 9 ? ["de minimis"] : [], webhook: k == 0 ? "http://127.0.0.1:9/hook" : nil)
    }
    portfolios.append(Portfolio(enterprise: "ent-\(e)", skus: skus, subscriptions: subscriptions))
}

func makeEvent(_ n: Int, _ random: inout SeededGenerator, subheadings: [String], markets: [String]) -> PolicyEvent? {
    let products = (0..<(1 + Int(random.next() % 3))).map { _ -> ProductReference? in
        let code = subheadings[Int(random.next() % UInt64(subheadings.count))]
        return (try? HSCode(random.next() % 2 == 0 ? code : String(code.prefix(4)))).map { ProductReference(code: $0, version: .hs2022) }
    }.compactMap { $0 }
    let measure = MeasureType.allCases[Int(random.next() % UInt64(MeasureType.allCases.count))]
    let severity = AlertSeverity.allCases[Int(random.next() % 3)]
    let implementing = random.next() % 5 == 0 ? "EU" : markets[Int(random.next() % UInt64(markets.count))]
    return try? PolicyEvent(source: "bench", sourceID: "E\(n)", implementing: [implementing == "DE" ? "EU" : implementing], measure: measure,
                            products: products, published: try? CivilDate(parsing: "2026-11-01"),
                            commentDeadline: random.next() % 4 == 0 ? try? CivilDate(parsing: "2027-01-15") : nil,
                            severity: severity, title: "bench measure \(n)", summary: n % 50 == 0 ? "changes to the de minimis threshold" : "")
}

print("## Alerts (corridor-alerts-bench)")
print()
print("- portfolios: 1,000 enterprises, \(portfolios.reduce(0) { $0 + $1.skus.count }) SKUs over real HS 2022 subheadings, "
      + "\(portfolios.reduce(0) { $0 + $1.subscriptions.count }) subscriptions")

// Matching alone.
let matcher = EventMatcher(portfolios: portfolios)
var eventRandom = SeededGenerator(seed: 7)
let sample = (0..<20_000).compactMap { makeEvent($0, &eventRandom, subheadings: subheadings, markets: markets) }
var matches = 0
let matchStart = Date()
for event in sample { matches += matcher.match(event).count }
let matchSeconds = Date().timeIntervalSince(matchStart)
print(String(format: "- matching only: %d events in %.2f s = **%.0f events/s**, %.1f alerts per event", sample.count, matchSeconds,
             Double(sample.count) / matchSeconds, Double(matches) / Double(sample.count)))

// Sustained ingest into a SQLite file (WAL, synchronous=FULL), open loop at `rate` events/s.
try? FileManager.default.removeItem(at: work)
try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let database: CorridorDatabase
do { database = try CorridorDatabase(path: work.appendingPathComponent("alerts.sqlite").path) } catch { fail("\(error)") }
let store = SQLiteAlertStore(database: database)
for p in portfolios {
    try await store.replaceSKUs(p.skus, of: p.enterprise)
    for s in p.subscriptions { try await store.saveSubscription(s, of: p.enterprise, webhookSecret: s.webhook == nil ? nil : "bench-secret-0123456789") }
}
let ingestor = AlertIngestor(store: store, matcher: EventMatcher(portfolios: try await store.portfolios()))
var latencies: [Double] = []
latencies.reserveCapacity(Int(seconds) * rate)
var memory: [(Double, Double)] = []
var alertsRecorded = 0
var n = 0
let start = Date()
let tick = 0.1
var nextSample = 0.0
while true {
    let elapsed = Date().timeIntervalSince(start)
    if elapsed >= seconds { break }
    // Every event whose arrival time has passed is ingested in the next batch (one transaction).
    let due = Int(elapsed * Double(rate))
    var batch: [PolicyEvent] = []
    var arrivals: [Double] = []
    while n < due {
        if let e = makeEvent(1_000_000 + n, &eventRandom, subheadings: subheadings, markets: markets) {
            batch.append(e)
            arrivals.append(Double(n) / Double(rate))
        }
        n += 1
    }
    if !batch.isEmpty {
        let outcome = try await ingestor.ingest(batch, at: Date())
        alertsRecorded += outcome.alerts.count
        let committed = Date().timeIntervalSince(start)
        for a in arrivals { latencies.append(committed - a) }
    }
    if elapsed >= nextSample {
        memory.append((elapsed, residentMiB()))
        nextSample += 10
    }
    let wait = tick - (Date().timeIntervalSince(start) - elapsed)
    if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
}
let total = Date().timeIntervalSince(start)
latencies.sort()
print(String(format: "- sustained ingest, %.0f s at %d events/s: %d events, %d alerts recorded (%.0f events/s achieved)", total, rate, latencies.count,
             alertsRecorded, Double(latencies.count) / total))
print(String(format: "- ingest-to-enqueue (arrival → alerts committed): p50 %.3f s, **p99 %.3f s**, max %.3f s — goal p99 < 1 s: **%@**",
             percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.last ?? .nan, percentile(latencies, 0.99) < 1 ? "met" : "NOT met"))
let firstMinute = memory.filter { $0.0 >= 10 && $0.0 < 70 }.map(\.1)
let lastMinute = memory.filter { $0.0 >= total - 60 }.map(\.1)
let avg = { (xs: [Double]) in xs.isEmpty ? Double.nan : xs.reduce(0, +) / Double(xs.count) }
print(String(format: "- resident memory: %.0f MiB after the first minute, %.0f MiB in the last minute, max %.0f MiB (samples every 10 s: %@)",
             avg(firstMinute), avg(lastMinute), memory.map(\.1).max() ?? .nan, memory.map { String(format: "%.0f", $0.1) }.joined(separator: " ")))

// One pipeline tick (plan + enqueue) over every alert still active.
let dispatcher = AlertDispatcher(store: store, pipeline: NotificationPipeline(), transport: HTTPWebhookTransport(), clock: { Date().addingTimeInterval(60) })
let planStart = Date()
let plan = try await dispatcher.enqueueDue()
print(String(format: "- one pipeline tick over %d active alerts: %.2f s, %d notifications enqueued", alertsRecorded, Date().timeIntervalSince(planStart), plan.deliveries.count))
