public import CorridorModel
public import Foundation

/// Decides whether a good is originating under an agreement's product-specific rules.
///
/// It follows RCEP Chapter 3: the product-specific rule of the good's HS code (Annex 3A), its
/// alternatives (meeting one is enough, headnote 4), a change in tariff classification required of
/// non-originating materials only (headnote 5), the regional value content by the build-down
/// formula (FOB − VNM) / FOB and the build-up formula (VOM + labour + overhead + profit + other) /
/// FOB (Article 3.5), the de minimis for materials that fail the change of classification (Article
/// 3.7: by value of FOB for every good, or by weight for the textile chapters, as the table sets
/// them), and accumulation (cumulation, Article 3.4) of materials
/// originating in any party.
public struct OriginEngine: Sendable {
    /// The rules.
    public let rules: ProductSpecificRules

    /// Creates an engine over a table of rules.
    public init(rules: ProductSpecificRules) {
        self.rules = rules
    }

    /// Decides `request`.
    public func determine(_ request: OriginRequest) throws(RulesError) -> OriginDetermination {
        guard request.agreement.uppercased() == rules.agreement.uppercased() else {
            throw .invalidRequest(field: "agreement", reason: "'\(request.agreement)' is not the agreement of the rules loaded (\(rules.agreement))")
        }
        for (field, country) in [("produced_in", request.producedIn), ("export_to", request.exportTo)] where !rules.parties.contains(country) {
            throw .invalidRequest(field: field, reason: "\(country) is not a party to \(rules.agreement) (parties: \(rules.parties.sorted().joined(separator: ", ")))")
        }
        guard let row = rules.row(for: request.code) else {
            throw .invalidRequest(field: "product.code", reason: "no product-specific rule of \(rules.agreement) \(rules.version) covers \(request.code)")
        }
        let basis = (rules.sources.first { $0.id == row.source }?.citation ?? row.source) + (row.page.map { ", \($0)" } ?? "")
        var steps: [OriginDetermination.Step] = []
        var warnings: [String] = []
        // Shown truncated, so a share just under a threshold never prints as the threshold itself.
        func pct(_ d: Decimal) -> String {
            var value = d, rounded = Decimal()
            NSDecimalRound(&rounded, &value, 2, .down)
            return rounded.description
        }
        let money = { (d: Decimal) -> String in (try? Money(d, request.currency))?.description ?? d.description }

        steps.append(.init(title: "Product-specific rule", result: "info",
                           detail: "\(request.code) falls under \(row.hs.count == 2 ? "chapter" : row.hs.count == 4 ? "heading" : "subheading") \(row.hs): \(row.text) [\(basis)]"))

        // Materials: originating in the Party of production, accumulated from another Party, or not.
        var statuses: [OriginDetermination.MaterialStatus] = []
        var nonOriginating: [OriginRequest.Material] = []
        var vom: Decimal = 0, vnm: Decimal = 0
        for material in request.materials {
            let status: String
            if material.originating == true, rules.parties.contains(material.origin) {
                status = material.origin == request.producedIn ? "originating" : "originating (accumulated from \(material.origin))"
                vom += material.value
            } else {
                status = "non-originating"
                nonOriginating.append(material)
                vnm += material.value
                if rules.parties.contains(material.origin), material.originating == nil {
                    warnings.append("material \(material.code) from \(material.origin) is treated as non-originating: no proof of origin is declared (set \"originating\": true if one is held)")
                }
                if material.originating == true { warnings.append("material \(material.code) is declared originating, but \(material.origin) is not a party; it is non-originating") }
            }
            statuses.append(.init(code: material.code, origin: material.origin, value: money(material.value), status: status))
        }
        steps.append(.init(title: "Materials", result: "info",
                           detail: "originating \(money(vom)), non-originating \(money(vnm)) of FOB \(money(request.fob)); accumulation counts materials originating in any party"))
        if vom + vnm > request.fob { warnings.append("the materials are worth more than the FOB value; check the values") }
        if let total = request.netWeightKg, request.materials.compactMap(\.weightKg).reduce(0, +) > total {
            warnings.append("the materials weigh more than the good's net weight; check the weights")
        }

        let buildDown = (request.fob - vnm) / request.fob * 100
        let costKeys = ["direct_labour", "direct_overhead", "profit", "other"]
        let buildUp: Decimal? = request.costs.isEmpty ? nil : (vom + costKeys.reduce(Decimal(0)) { $0 + (request.costs[$1] ?? 0) }) / request.fob * 100

        var met: String?
        // Wholly obtained, or produced exclusively from originating materials (headnote 2).
        if request.whollyObtained {
            met = "WO"
            steps.append(.init(title: "Wholly obtained", result: "met", detail: "declared wholly obtained or produced in \(request.producedIn)"))
        } else if nonOriginating.isEmpty {
            met = "WO (exclusively from originating materials)"
            steps.append(.init(title: "Produced exclusively from originating materials", result: "met", detail: "every material is originating"))
        }
        for criterion in row.alternatives where met == nil {
            switch criterion {
            case .whollyObtained:
                steps.append(.init(title: "WO", result: "not met", detail: "\(nonOriginating.count) non-originating material(s)"))
            case .change(let level, let except):
                let target = String(request.code.prefix(level))
                let failing = nonOriginating.filter { m in
                    String(m.code.prefix(level)) == target || except.contains { m.code.hasPrefix($0) }
                }
                let name = criterion.description
                if failing.isEmpty {
                    met = name
                    steps.append(.init(title: name, result: "met", detail: "every non-originating material changes \(level == 2 ? "chapter" : level == 4 ? "heading" : "subheading"): " +
                                       nonOriginating.map { "\($0.code) → \(request.code)" }.joined(separator: ", ")))
                    continue
                }
                let listing = failing.map { "\($0.code) (\(money($0.value)))" }.joined(separator: ", ")
                // De minimis (Article 3.7): by value for every good; for the weight chapters (textiles) by weight as an alternative.
                let chapter = Int(request.code.prefix(2)) ?? 0
                let valueShare = failing.reduce(Decimal(0)) { $0 + $1.value } / request.fob * 100
                var weightShare: Decimal?
                if rules.weightChapters.contains(chapter), let total = request.netWeightKg, total > 0 {
                    let weights = failing.compactMap(\.weightKg)
                    if weights.count == failing.count { weightShare = weights.reduce(0, +) / total * 100 }
                }
                if valueShare <= rules.deMinimisPercentOfFOB {
                    met = "\(name) (de minimis)"
                    steps.append(.init(title: name, result: "met", detail: "\(listing) do not change classification, but are worth \(pct(valueShare))% of FOB, within the \(rules.deMinimisPercentOfFOB)% de minimis"))
                } else if let weightShare, weightShare <= rules.deMinimisPercentOfWeight {
                    met = "\(name) (de minimis)"
                    steps.append(.init(title: name, result: "met", detail: "\(listing) do not change classification and are worth \(pct(valueShare))% of FOB, but weigh \(pct(weightShare))% of the good, within the \(rules.deMinimisPercentOfWeight)% de minimis by weight"))
                } else {
                    var detail = "\(listing) do not change classification and are worth \(pct(valueShare))% of FOB, over the \(rules.deMinimisPercentOfFOB)% de minimis"
                    if rules.weightChapters.contains(chapter) {
                        detail += weightShare.map { "; they weigh \(pct($0))% of the good, over the \(rules.deMinimisPercentOfWeight)% de minimis by weight" }
                            ?? "; the de minimis by weight needs product.net_weight_kg and each failing material's weight_kg"
                    }
                    steps.append(.init(title: name, result: "not met", detail: detail))
                }
            case .regionalValueContent(let percent):
                let threshold = Decimal(percent)
                let best = max(buildDown, buildUp ?? buildDown)
                let formulas = "build-down (FOB − VNM) / FOB = (\(money(request.fob)) − \(money(vnm))) / \(money(request.fob)) = \(pct(buildDown))%"
                    + (buildUp.map { "; build-up (VOM + labour + overhead + profit + other) / FOB = \(pct($0))%" } ?? "; build-up not computed (no costs given)")
                if best >= threshold {
                    met = "RVC\(percent)"
                    steps.append(.init(title: "RVC\(percent)", result: "met", detail: formulas + " ≥ \(percent)%"))
                } else {
                    steps.append(.init(title: "RVC\(percent)", result: "not met", detail: formulas + " < \(percent)%"))
                }
            }
        }
        steps.append(.init(title: "Result", result: met == nil ? "not met" : "met",
                           detail: met.map { "originating in \(request.producedIn) under \(rules.agreement): \($0)" } ?? "not originating: no alternative of \(row.text) is met"))
        if let nomenclature = rules.nomenclature {
            warnings.append("the rules are written in \(nomenclature): the product's and the materials' codes are read as \(nomenclature) codes; correlate codes of a later edition first where the subheading changed")
        }
        warnings.append("the determination assumes the production in \(request.producedIn) goes beyond minimal operations or processes, and that the rules on direct consignment are respected")
        return OriginDetermination(agreement: rules.agreement, code: request.code, rule: row.text, ruleHS: row.hs, basis: basis, qualified: met != nil,
                                   criterionMet: met, rvcBuildDown: pct(buildDown), rvcBuildUp: buildUp.map(pct), materials: statuses,
                                   steps: steps, warnings: warnings)
    }
}
