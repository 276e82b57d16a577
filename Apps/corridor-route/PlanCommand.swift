import CorridorCommandLine
import ArgumentParser
import CorridorLogistics
import CorridorModel
import Foundation

/// `corridor-route plan`
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Multimodal route options between two places: the Pareto set over cost, P50 days and CO2e, or the best by one objective.",
        discussion: """
            Places are UN/LOCODEs (CNCKG, DEDUI, THBKK, or any port in the ports file) or the dataset's own ids (CN-XIAN, PL-LODZ).
            --max-days bounds P90 days ("arriving within N days"); --max-cost bounds the cost in USD ("lowest CO2e under cost C"
            with --objective co2e). Example:
              corridor-route plan --from CNCKG --to DEDUI --mass-kg 8000 --volume-m3 30 --ready 2026-12-01
            """
    )

    @OptionGroup var data: DataOptions
    @Option(help: "Origin UN/LOCODE or node id.") var from: String
    @Option(help: "Destination UN/LOCODE or node id.") var to: String
    @Option(help: "Gross mass, kg.") var massKg: Double
    @Option(help: "Volume, m³.") var volumeM3: Double = 0
    @Option(help: "Ready date, YYYY-MM-DD (default: today).") var ready: String?
    @Option(help: "pareto | cost | time | co2e.") var objective: String = "pareto"
    @Option(help: "Border conditions: normal | stressed | congested.") var border: String = "normal"
    @Option(help: "Only options whose P90 is at most this many days.") var maxDays: Double?
    @Option(help: "Only options costing at most this, USD.") var maxCost: String?
    @Flag(help: "Cold chain needed.") var reefer = false
    @Flag(help: "Contains lithium batteries.") var lithium = false
    @Option(help: "Passages sea legs avoid (default: northwest).") var exclude: String?
    @Option(help: "Only these modes, e.g. sea,road (default: all of rail, sea, road, air, ferry).") var modes: String?
    @Option(help: "json | table.") var format: String = "table"
    @Option(help: "Draw the options on a world map to this SVG file.") var svg: String?

    func run() async throws {
        guard let objective = MultimodalPlanner.Objective(rawValue: objective) else { throw ValidationError("--objective must be pareto, cost, time or co2e") }
        guard let border = MultimodalPlanner.BorderCondition(rawValue: border) else { throw ValidationError("--border must be normal, stressed or congested") }
        guard ["json", "table"].contains(format) else { throw ValidationError("--format must be json or table") }
        let readyDate: CivilDate
        if let ready {
            do { readyDate = try CivilDate(parsing: ready) } catch { throw ValidationError("--ready: \(error.description)") }
        } else {
            readyDate = CivilDate(Date(), timeZone: .current)
        }
        var costLimit: Decimal?
        if let maxCost {
            guard let value = Decimal(exactLiteral: maxCost), value > 0 else {
                throw ValidationError("--max-cost must be a positive amount in USD, such as 5000")
            }
            costLimit = value
        }
        let cargo = try logistics { () throws(LogisticsError) in try Cargo(massKg: massKg, volumeM3: volumeM3, reefer: reefer, lithium: lithium) }
        let dataset = try logistics { () throws(LogisticsError) in try CorridorDataset.bundled() }
        let network = try data.network(), ports = try data.ports()
        let planner = MultimodalPlanner(dataset: dataset, sea: network, ports: ports)
        var query = MultimodalPlanner.Query(from: from, to: to, cargo: cargo, ready: readyDate)
        query.objective = objective
        query.border = border
        query.maxDays = maxDays
        query.maxCost = costLimit
        if let exclude { query.excludePassages = list(exclude) }
        if let modes { query.modes = Set(list(modes).map { $0.lowercased() }) }
        let plan = try logistics { () throws(LogisticsError) in try planner.plan(query) }
        if let svg {
            let colours = ["#c0392b", "#2e86c1", "#27ae60", "#8e44ad", "#d35400", "#16a085"]
            let positions = planner.positions()
            let routes = plan.options.prefix(6).enumerated().map { i, option in
                (points: option.legs.flatMap { leg in [positions[leg.from], positions[leg.to]].compactMap { $0 } },
                 colour: colours[i % colours.count], label: "\(option.modes): USD \(option.costUSD), \(option.p50Days) d (P90 \(option.p90Days)), \(option.co2eKg) kg CO2e")
            }
            try writeSVG(RouteMap.svg(network: network, routes: routes, title: "\(plan.from) → \(plan.to), \(Int(massKg)) kg, ready \(readyDate)"), to: svg)
        }
        switch format {
        case "json": try printJSON(plan)
        default:
            if plan.options.isEmpty { print("no option: \(plan.reason ?? "")") }
            for (i, option) in plan.options.enumerated() {
                print("\(i + 1). \(option.modes): USD \(option.costUSD), P50 \(option.p50Days) d, P90 \(option.p90Days) d, \(option.co2eKg) kg CO2e")
                for leg in option.legs {
                    let service = leg.service.map { " [\($0)]" } ?? ""
                    print("   \(leg.mode)\(service) \(leg.from) → \(leg.to): \(leg.distanceKm) km, day \(leg.departsDay) → \(leg.arrivesDay)" + (leg.dwellDays > 0 ? ", dwell \(leg.dwellDays) d" : "") + ", USD \(leg.costUSD)")
                }
                for note in option.notes { print("   note: \(note)") }
            }
        }
        if plan.options.isEmpty { throw ExitCode(noRouteStatus) }
    }
}
