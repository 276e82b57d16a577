import CorridorLogistics
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Multimodal planning")
struct PlannerTests {
    func query(_ from: String, _ to: String, kg: Double = 8_000, m3: Double = 30) throws -> MultimodalPlanner.Query {
        MultimodalPlanner.Query(from: from, to: to, cargo: try Cargo(massKg: kg, volumeM3: m3), ready: try CivilDate(parsing: "2026-12-01"))
    }

    @Test("the dataset loads, every service cites a source, and every stop is a node")
    func dataset() throws {
        let d = try CorridorDataset.bundled()
        #expect(d.services.allSatisfy { !$0.source.isEmpty })
        #expect(d.crossings.allSatisfy { !$0.source.isEmpty && $0.dwellDays.keys.sorted() == ["congested", "normal", "stressed"] })
        for id in ["yuxinou", "rongou", "zhengou", "yixinou", "changan", "hanou", "middle-corridor", "china-laos", "laos-thailand", "ilstc"] {
            #expect(d.services.contains { $0.id == id }, "\(id)")
        }
        #expect(d.modes.values.allSatisfy { !$0.source.isEmpty })
    }

    @Test("Chongqing → Duisburg: the Pareto set has rail (cheap, low CO2e) and air (fast), none dominating another", .needsReferenceData)
    func pareto() throws {
        let plan = try LogisticsData.planner().plan(try query("CNCKG", "DEDUI"))
        #expect(plan.options.count >= 2)
        let rail = try #require(plan.options.first { $0.modes == "rail" })
        #expect(rail.legs.first?.service == "Chongqing–Duisburg (Yuxinou)")
        #expect(rail.legs.first?.distanceKm == 11_179)
        // 2026-12-01 is a Tuesday; Yuxinou leaves daily at noon: day 0.5, then 13 days running + 2 days of border dwell.
        #expect(rail.legs.first?.departsDay == 0.5)
        #expect(rail.p50Days == 15.5)
        #expect(rail.p90Days > rail.p50Days)
        let air = try #require(plan.options.first { $0.modes.hasPrefix("air") })
        #expect(air.p50Days < rail.p50Days)
        #expect(Double(air.costUSD) ?? 0 > Double(rail.costUSD) ?? 0)
        #expect(air.co2eKg > 10 * rail.co2eKg)
        for a in plan.options {
            for b in plan.options where a != b {
                let dominated = (Double(a.costUSD) ?? 0) <= (Double(b.costUSD) ?? 0) && a.p50Days <= b.p50Days && a.co2eKg <= b.co2eKg
                    && ((Double(a.costUSD) ?? 0) < (Double(b.costUSD) ?? 0) || a.p50Days < b.p50Days || a.co2eKg < b.co2eKg)
                #expect(!dominated, "\(a.modes) dominates \(b.modes)")
            }
        }
        // CO2e = tonne-km × the rail intensity (0.0278 kg/tkm) on 8 t.
        #expect(abs(rail.co2eKg - 8 * 11_179 * 0.0278) < 1)
    }

    @Test("congested borders lengthen rail, and a weekly service makes the shipper wait", .needsReferenceData)
    func bordersAndSchedules() throws {
        let planner = try LogisticsData.planner()
        var q = try query("CN-YIWU", "ESMAD")
        func yixinou(_ plan: RoutePlan) -> PlanOption? { plan.options.first { $0.legs.contains { $0.service?.contains("Yiwu") == true } } }
        let normal = try #require(yixinou(try planner.plan(q)))
        q.border = .congested
        let congested = try #require(yixinou(try planner.plan(q)))
        // Congested: Dostyk 6 days instead of 1, Małaszewicze 8 instead of 1.
        #expect(abs(congested.p50Days - normal.p50Days - 12) < 0.11)
        #expect(congested.p90Days > normal.p90Days)
        // Yixinou runs on Wednesdays only: ready on Tuesday 2026-12-01, it leaves on day 1.5.
        #expect(normal.legs.first { $0.service?.contains("Yiwu") == true }?.departsDay == 1.5)
    }

    @Test("cheapest within N days, lowest CO2e under a cost, and impossible constraints explained", .needsReferenceData)
    func constraints() throws {
        let planner = try LogisticsData.planner()
        var q = try query("CNCKG", "DEDUI", kg: 800, m3: 2)
        q.objective = .cost
        q.maxDays = 8
        let fast = try #require(planner.plan(q).options.first)
        #expect(fast.p90Days <= 8)
        #expect(fast.modes.contains("air"))
        q.maxDays = 2
        let none = try planner.plan(q)
        #expect(none.options.isEmpty)
        #expect(none.reason?.contains("over the 2.0-day limit") == true)
        q = try query("CNCKG", "DEDUI", kg: 800, m3: 2)
        q.objective = .co2e
        q.maxCost = 100
        #expect(try planner.plan(q).reason?.contains("cheapest option costs USD") == true)
        var big = try query("CNCKG", "NLRTM", kg: 5_000_000, m3: 0)
        big.objective = .time
        #expect(try planner.plan(big).reason?.contains("exceeds") == true)
        var lithium = try query("CN-ZHENGZHOU", "DEHAM")
        lithium.cargo = try Cargo(massKg: 8_000, volumeM3: 30, lithium: true)
        #expect(try planner.plan(lithium).options.allSatisfy { option in !option.legs.contains { $0.service == "Zhengzhou–Hamburg" } },
                "the Zhengzhou–Hamburg row refuses lithium batteries")
    }

    @Test("Chongqing to Bangkok by the China–Laos–Thailand corridor and by the Western Land-Sea corridor", .needsReferenceData)
    func asean() throws {
        let plan = try LogisticsData.planner().plan(try query("CN-KUNMING", "THBKK", kg: 2_000, m3: 8))
        #expect(plan.options.contains { $0.legs.contains { $0.service?.contains("China–Laos") == true } })
        let reload = plan.options.first { $0.legs.contains { $0.service?.contains("Vientiane South–Bangkok") == true } }
        #expect(reload?.notes.contains { $0.contains("Vientiane South reload") } == true)
        let western = try LogisticsData.planner().plan(try query("CNCKG", "SGSIN", kg: 2_000, m3: 8))
        #expect(western.options.contains { $0.legs.contains { $0.service?.contains("Qinzhou") == true } })
    }

    @Test("bad input: an unknown place, a non-positive mass")
    func badInput() throws {
        #expect(throws: LogisticsError.self) { try Cargo(massKg: 0) }
        #expect(throws: LogisticsError.self) { try Cargo(massKg: 10, volumeM3: -1) }
    }

    @Test("an unknown place is refused", .needsReferenceData)
    func unknownPlace() throws {
        #expect(throws: LogisticsError.self) { try LogisticsData.planner().plan(try query("CNCKG", "XXNOPE")) }
    }
}
