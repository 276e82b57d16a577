// Logistics measurements for `make bench`: sea routes between 200 seeded port pairs (compared with
// searoute-py 1.6.0 by Benchmarks/peer_logistics.py on the same network), multimodal plans and
// RAPTOR queries.
//
// Usage: corridor-logistics-bench DATA_DIR WORK_DIR
import CorridorLogistics
import CorridorModel
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: corridor-logistics-bench DATA_DIR WORK_DIR\n".utf8))
    exit(2)
}
let data = URL(fileURLWithPath: arguments[1], isDirectory: true)
let work = URL(fileURLWithPath: arguments[2], isDirectory: true)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var out: [String: Any] = [:]
var network: SeaNetwork?
let loadSeconds = try seconds { network = try SeaNetwork(contentsOf: data.appendingPathComponent("logistics/searoute_marnet.geojson")) }
guard let network else { exit(1) }
let ports = try PortDirectory(contentsOf: data.appendingPathComponent("logistics/searoute_ports.geojson"))
let codes = ports.ports.keys.sorted()
var random = SeededGenerator(seed: 2026)
var pairs: [(String, String)] = []
while pairs.count < 200 {
    let a = codes[Int(random.next() % UInt64(codes.count))], b = codes[Int(random.next() % UInt64(codes.count))]
    if a != b { pairs.append((a, b)) }
}
var rows: [[String: Any]] = []
var times: [Double] = []
for (a, b) in pairs {
    let pa = try ports.port(a).position, pb = try ports.port(b).position
    var route: SeaRoute?
    // Best of 5, as the peer's timing is.
    var best = Double.infinity
    for _ in 0..<5 { best = min(best, try seconds { route = try network.route(from: pa, to: pb) }) }
    times.append(best)
    rows.append(["from": a, "to": b, "origin": pa.pair, "destination": pb.pair, "length_km": route?.lengthKm ?? -1,
                 "passages": route?.passages ?? [], "seconds": best])
}
out["sea"] = ["pairs": rows, "load_seconds": loadSeconds, "nodes": network.nodes.count, "edges": network.edgeCount,
              "median_seconds": times.sorted()[times.count / 2]] as [String: Any]
// RAPTOR on the NYC subway feed: 200 seeded station pairs at seeded departure times.
var feedTime = 0.0
var feed: GTFSFeed?
feedTime = try seconds { feed = try GTFSFeed(contentsOf: data.appendingPathComponent("logistics/nyc_subway_gtfs.zip")) }
guard let feed else { exit(1) }
let day = try CivilDate(parsing: "2025-01-08")
var timetable: Timetable?
let buildTime = seconds { timetable = Timetable(feed: feed, date: day) }
guard let timetable else { exit(1) }
let raptor = Raptor(timetable: timetable)
var raptorTimes: [Double] = []
var reached = 0
var example: [String: Any] = [:]
for q in 0..<200 {
    let a = Int(random.next() % UInt64(timetable.stations.count)), b = Int(random.next() % UInt64(timetable.stations.count))
    let departure = 5 * 3600 + Int(random.next() % UInt64(18 * 3600))
    var journeys: [Raptor.Journey] = []
    var bestTime = Double.infinity
    for _ in 0..<5 { bestTime = min(bestTime, seconds { journeys = raptor.journeys(from: a, to: b, departure: departure) }) }
    raptorTimes.append(bestTime)
    if !journeys.isEmpty { reached += 1 }
    if q == 0 {
        example = ["from": timetable.stations[a].name, "to": timetable.stations[b].name, "departure": departure,
                   "pareto": journeys.map { ["arrival": $0.arrival, "transfers": $0.transfers] }]
    }
}
out["raptor"] = ["feed_seconds": feedTime, "timetable_seconds": buildTime, "stations": timetable.stations.count, "trips": timetable.tripCount,
                 "queries": raptorTimes.count, "reached": reached, "median_seconds": raptorTimes.sorted()[raptorTimes.count / 2],
                 "p99_seconds": raptorTimes.sorted()[raptorTimes.count * 99 / 100], "example": example] as [String: Any]

// Multimodal Pareto plans: two Chinese inland cities to a European city.
let dataset = try CorridorDataset.bundled()
var planner: MultimodalPlanner?
let plannerBuild = seconds { planner = MultimodalPlanner(dataset: dataset, sea: network, ports: ports) }
guard let planner else { exit(1) }
var planRows: [[String: Any]] = []
for (from, to) in [("CNCKG", "DEDUI"), ("CNCTU", "DEDUI"), ("CN-XIAN", "DEHAM"), ("CNWUH", "PL-LODZ")] {
    let cargo = try Cargo(massKg: 8_000, volumeM3: 30)
    var query = MultimodalPlanner.Query(from: from, to: to, cargo: cargo, ready: try CivilDate(parsing: "2026-12-01"))
    query.objective = .pareto
    var plan: RoutePlan?
    var times: [Double] = []
    for _ in 0..<21 { times.append(try seconds { plan = try planner.plan(query) }) }
    planRows.append(["from": from, "to": to, "options": plan?.options.count ?? 0, "median_seconds": times.sorted()[10],
                     "modes": plan?.options.map(\.modes) ?? []])
}
out["plan"] = ["planner_build_seconds": plannerBuild, "queries": planRows] as [String: Any]

let json = try JSONSerialization.data(withJSONObject: out, options: [.prettyPrinted, .sortedKeys])
try json.write(to: work.appendingPathComponent("swift.json"))
print("corridor-logistics-bench: wrote \(work.appendingPathComponent("swift.json").path)")
