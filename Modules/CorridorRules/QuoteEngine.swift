public import CorridorModel
public import Foundation

/// Computes landed-cost quotes from a request, the reference data gathered for it, and the packs.
///
/// The computation is a pure function of those three: no clock, no files, no network. That is what
/// lets the decision log replay a quote bit for bit.
///
/// Order: the `regime` decision of the destination's pack; then each line's duty (as the regime says:
/// MFN from the national tariff or the declared rate, exempt, or a flat amount per subheading) plus
/// the pack's `duties`; then the pack's `taxes` on each line (which may read `line.duty`); then
/// `fees` and `warnings`. Every amount is rounded to the currency's minor units half away from zero
/// as it is entered, and totals add the rounded entries.
public struct QuoteEngine: Sendable {
    /// The packs.
    public let packs: RulePackSet
    private let rateTexts = DutyExpressionCache()

    /// Creates an engine over checked packs.
    public init(packs: RulePackSet) {
        self.packs = packs
    }

    /// Quotes `request`.
    public func quote(_ request: QuoteRequest, context: QuoteContext) throws(RulesError) -> LandedCostQuote {
        let pack = try packs.pack(for: request.destination)
        let currency = pack.currency
        if request.currency != currency, context.fx == nil {
            throw .noExchangeRate(request.currency.code, date: request.asOf.description)
        }
        // One cross rate for the whole request (units of the pack's currency per unit of the request's).
        let factor: Decimal? = try context.fx.flatMap { fx throws(RulesError) in request.currency == currency ? nil : try fx.rate(from: request.currency, to: currency) }
        func local(_ amount: Decimal) throws(RulesError) -> Money {
            try ExpressionCompiler.money(factor.map { amount * $0 } ?? amount, factor == nil ? request.currency : currency)
        }
        func text(_ m: Money) -> Amount { Amount(m) }
        func zero() throws(RulesError) -> Money { try ExpressionCompiler.money(0, currency) }
        func citation(_ source: String) -> String { pack.source(source)?.citation ?? source }

        var questions: [String: String] = [:]
        var warnings: [String] = []
        var trace: [LandedCostQuote.Step] = []
        func ask(_ facts: Set<String>, line: Int? = nil) {
            // The engine computes line.duty and regime.*; when they are missing, the question that
            // settles them (a duty rate, the regime's facts) is already asked.
            for fact in facts where fact != "line.duty" && !fact.hasPrefix("regime.") {
                let question = pack.facts[fact]?.question ?? QuoteFacts.declarations.first { $0.name == fact }?.question ?? "What is \(fact)?"
                // A line's fact is asked for that line: lines[2].net_mass_kg, not one question for all lines.
                if let line, fact.hasPrefix("line.") {
                    questions["lines[\(line)].\(fact.dropFirst(5))"] = "Line \(line) (\(request.lines[line].code)): \(question)"
                } else {
                    questions[fact] = question
                }
            }
        }
        /// Whether a match carries the outputs the quote reads. An output left open by a missing fact
        /// is skipped (that fact is asked, so the quote is incomplete); one a settled rule does not give
        /// at all is a defect of the pack, refused rather than skipped.
        func complete(_ match: DecisionResult.Match, _ result: DecisionResult, _ names: [String]) throws(RulesError) -> Bool {
            guard let absent = names.first(where: { match.outputs[$0] == nil }) else { return true }
            if !result.isSettled { return false }
            throw .evaluation("pack \(pack.id) rule \(match.rule) (decision \(result.decision)) gives no \(absent)")
        }
        func record(_ result: DecisionResult, line: Int?, pack recorded: String? = nil) {
            trace.append(.init(pack: recorded ?? pack.id, decision: result.decision, line: line,
                               matches: result.matches.map { .init(rule: $0.rule, outputs: $0.outputs) },
                               missing: result.missingFacts.sorted()))
        }

        // Amounts in the pack's currency; transport and insurance shared out by value.
        let values = try request.lines.map { line throws(RulesError) in try local(line.customsValue) }
        var goods = try zero()
        for v in values { goods = try Self.add(goods, v) }
        let shipping = try local(request.shipping), insurance = try local(request.insurance)
        // Shares by value: one division per total (not per line), none when the total is zero.
        let shippingPerUnit: Decimal = shipping.amount == 0 ? 0 : (goods.amount > 0 ? shipping.amount / goods.amount : shipping.amount / Decimal(values.count))
        let insurancePerUnit: Decimal = insurance.amount == 0 ? 0 : (goods.amount > 0 ? insurance.amount / goods.amount : insurance.amount / Decimal(values.count))
        func share(_ perUnit: Decimal, _ index: Int) throws(RulesError) -> Money {
            try ExpressionCompiler.money(perUnit == 0 ? 0 : (goods.amount > 0 ? values[index].amount * perUnit : perUnit), currency)
        }

        var facts: [String: RuleValue] = [
            "origin": .code(request.origin), "destination": .code(request.destination), "channel": .string(request.channel.rawValue),
            "consignment.value": .money(goods), "consignment.shipping": .money(shipping), "consignment.insurance": .money(insurance),
            "consignment.lines": .decimal(Decimal(request.lines.count)),
        ]
        var subheadings: [RuleValue] = []
        for line in request.lines where !subheadings.contains(.code(String(line.code.prefix(6)))) { subheadings.append(.code(String(line.code.prefix(6)))) }
        facts["consignment.subheadings"] = .decimal(Decimal(subheadings.count))
        facts["consignment.codes"] = .set(subheadings)
        if let mode = request.transportMode { facts["transport_mode"] = .string(mode) }
        let overlays = packs.overlays(for: request.destination)
        var declared = pack.facts
        for overlay in overlays { declared.merge(overlay.facts) { primary, _ in primary } }
        for (group, values) in [("seller", request.seller), ("buyer", request.buyer)] {
            for (key, raw) in values.sorted(by: { $0.key < $1.key }) {
                let name = "\(group).\(key)"
                guard let declaration = declared[name] else {
                    warnings.append("\(name) is not read by the packs for \(request.destination) (\(([pack] + overlays).map(\.id).joined(separator: ", "))); it was ignored")
                    continue
                }
                facts[name] = try Self.fact(raw, type: declaration.type, name: name, currency: request.currency)
            }
        }
        let evaluationContext = { (facts: [String: RuleValue]) in EvaluationContext(facts: facts, asOf: request.asOf, converter: context.fx) }
        let lineContext = { (local: [String: RuleValue]) in EvaluationContext(facts: facts, local: local, asOf: request.asOf, converter: context.fx) }

        // The regime.
        guard let regimeTable = pack.decision("regime") else { throw .malformedPack(file: pack.file, line: nil, reason: "no regime decision") }
        let regimeResult = try regimeTable.evaluate(in: evaluationContext(facts), pack: pack.id)
        record(regimeResult, line: nil)
        ask(regimeResult.missingFacts)
        var regime: LandedCostQuote.Regime?
        var regimeDuty: String?
        var flatAmount: Money?
        if let match = regimeResult.matches.first { _ = try complete(match, regimeResult, ["name", "de_minimis_applied", "duty"]) }
        if regimeResult.isSettled, let match = regimeResult.matches.first,
           case .string(let name)? = match.outputs["name"], case .bool(let deMinimis)? = match.outputs["de_minimis_applied"],
           case .string(let duty)? = match.outputs["duty"] {
            guard ["mfn", "exempt", "flat"].contains(duty) else {
                throw .evaluation("pack \(pack.id) rule \(match.rule): regime duty is mfn, exempt or flat, not '\(duty)'")
            }
            if duty == "flat" {
                guard case .money(let amount)? = match.outputs["flat_amount"] else {
                    throw .evaluation("pack \(pack.id) rule \(match.rule): a flat duty needs the output flat_amount")
                }
                flatAmount = try context.fx.map { fx throws(RulesError) in try fx.convert(amount, to: currency) } ?? amount
            }
            regime = .init(name: name, deMinimisApplied: deMinimis, duty: duty, rule: match.rule, basis: citation(match.source))
            regimeDuty = duty
            facts["regime.name"] = .string(name)
            facts["regime.duty"] = .string(duty)
            facts["regime.de_minimis_applied"] = .bool(deMinimis)
        } else if regimeResult.isSettled {
            throw .evaluation("pack \(pack.id): no regime rule applies on \(request.asOf); the pack must end its regime decision with a rule that always holds")
        }

        // Lines.
        var lines: [LandedCostQuote.Line] = []
        var dutyTotal = try zero(), taxTotal = try zero()
        var firstLineOfSubheading: [String: Int] = [:]
        var perLineFacts: [[String: RuleValue]] = []
        for (index, line) in request.lines.enumerated() {
            var lineFacts: [String: RuleValue] = Dictionary(minimumCapacity: 10)
            lineFacts["line.code"] = .code(line.code)
            lineFacts["line.hs6"] = .code(String(line.code.prefix(6)))
            if let d = line.description { lineFacts["line.description"] = .string(d) }
            lineFacts["line.customs_value"] = .money(values[index])
            lineFacts["line.shipping"] = .money(try share(shippingPerUnit, index))
            lineFacts["line.insurance"] = .money(try share(insurancePerUnit, index))
            if let q = line.quantity { lineFacts["line.quantity"] = .decimal(q.value); lineFacts["line.unit"] = .code(q.unit) }
            if let kg = line.netMassKg { lineFacts["line.net_mass_kg"] = .decimal(kg) }
            for (key, raw) in line.facts.sorted(by: { $0.key < $1.key }) where !line.facts.isEmpty {
                let name = "line.\(key)"
                guard let declaration = declared[name], QuoteFacts.declarations.allSatisfy({ $0.name != name }) else {
                    warnings.append("lines[\(index)].facts.\(key) is not read by the packs for \(request.destination); it was ignored")
                    continue
                }
                lineFacts[name] = try Self.fact(raw, type: declaration.type, name: "lines[\(index)].facts.\(key)", currency: request.currency)
            }

            var duties: [LandedCostQuote.Duty] = []
            var lineDuty: Money? = try zero()
            func addDuty(_ amount: Money?) throws(RulesError) {
                if let amount, let current = lineDuty { lineDuty = try Self.add(current, amount.rounded()) } else { lineDuty = nil }
            }
            switch regimeDuty {
            case "exempt"?:
                duties.append(.init(kind: "mfn", rateText: "exempt", amount: text(try zero()), range: nil, basis: regime?.basis ?? ""))
            case "flat"?:
                let hs6 = String(line.code.prefix(6))
                if let first = firstLineOfSubheading[hs6] {
                    duties.append(.init(kind: "flat", rateText: "charged once for subheading \(hs6) on line \(first)", amount: text(try zero()), range: nil, basis: regime?.basis ?? ""))
                } else if let flatAmount {
                    firstLineOfSubheading[hs6] = index
                    duties.append(.init(kind: "flat", rateText: "\(flatAmount.minorUnitText()) \(currency.code) per tariff subheading", amount: text(flatAmount), range: nil, basis: regime?.basis ?? ""))
                    try addDuty(flatAmount)
                }
            case "mfn"?:
                let (duty, amount, open) = try mfn(line, index: index, value: values[index], currency: currency, context: context, jurisdiction: pack.jurisdiction)
                if let duty { duties.append(duty) }
                for (fact, question) in open { questions[fact] = question }
                try addDuty(amount)
            default:
                lineDuty = nil
            }
            if regimeDuty != nil, let table = pack.decision("duties") {
                let result = try table.evaluate(in: lineContext(lineFacts), pack: pack.id)
                record(result, line: index)
                ask(result.missingFacts, line: index)
                for match in result.matches {
                    guard try complete(match, result, ["kind", "rate_text", "amount"]) else { continue }
                    guard case .string(let kind)? = match.outputs["kind"], case .string(let rateText)? = match.outputs["rate_text"],
                          case .money(let amount)? = match.outputs["amount"] else { continue }
                    let converted = try context.fx.map { fx throws(RulesError) in try fx.convert(amount, to: currency) } ?? amount
                    duties.append(.init(kind: kind, rateText: rateText, amount: text(converted), range: nil, basis: citation(match.source)))
                    try addDuty(converted)
                }
            }
            var taxes: [LandedCostQuote.Tax] = []
            if let lineDuty { lineFacts["line.duty"] = .money(lineDuty); dutyTotal = try Self.add(dutyTotal, lineDuty) }
            if regimeDuty != nil, let table = pack.decision("taxes") {
                let result = try table.evaluate(in: lineContext(lineFacts), pack: pack.id)
                record(result, line: index)
                ask(result.missingFacts, line: index)
                for match in result.matches {
                    guard try complete(match, result, ["kind", "rate", "base"]) else { continue }
                    guard case .string(let kind)? = match.outputs["kind"], case .decimal(let rate)? = match.outputs["rate"],
                          case .money(let base)? = match.outputs["base"] else { continue }
                    let localBase = try context.fx.map { fx throws(RulesError) in try fx.convert(base, to: currency) } ?? base
                    let amount = try ExpressionCompiler.money(localBase.amount * rate, currency).rounded()
                    taxes.append(.init(kind: kind, rate: rate, base: text(localBase), amount: text(amount), basis: citation(match.source)))
                    taxTotal = try Self.add(taxTotal, amount)
                }
            }
            if let table = pack.decision("warnings"), table.scope == .line, regimeDuty != nil {
                let result = try table.evaluate(in: lineContext(lineFacts), pack: pack.id)
                for match in result.matches { if case .string(let m)? = match.outputs["message"] { warnings.append("line \(index): \(m)") } }
            }
            lines.append(.init(index: index, code: line.code, customsValue: text(values[index]), duties: duties, taxes: taxes))
            perLineFacts.append(lineFacts)
        }

        // Fees and consignment warnings.
        var fees: [LandedCostQuote.Fee] = []
        var feeTotal = try zero()
        if regimeDuty != nil, let table = pack.decision("fees") {
            let result = try table.evaluate(in: evaluationContext(facts), pack: pack.id)
            record(result, line: nil)
            ask(result.missingFacts)
            for match in result.matches {
                guard try complete(match, result, ["kind", "amount"]) else { continue }
                guard case .string(let kind)? = match.outputs["kind"], case .money(let amount)? = match.outputs["amount"] else { continue }
                let converted = (try context.fx.map { fx throws(RulesError) in try fx.convert(amount, to: currency) } ?? amount).rounded()
                fees.append(.init(kind: kind, amount: text(converted), basis: citation(match.source)))
                feeTotal = try Self.add(feeTotal, converted)
            }
        }
        if let table = pack.decision("warnings"), table.scope == .consignment {
            let result = try table.evaluate(in: evaluationContext(facts), pack: pack.id)
            record(result, line: nil)
            for match in result.matches { if case .string(let m)? = match.outputs["message"] { warnings.append(m) } }
        }

        // Overlays (restrictions, CBAM): warnings on top of the market's pack. A warning whose facts
        // are missing does not hold the quote back; it says what it depends on.
        for overlay in overlays {
            for table in overlay.decisions {
                let scopes: [Int?] = table.scope == .line ? request.lines.indices.map { $0 } : [nil]
                for line in scopes {
                    // An overlay with no rule in force on the date (CBAM before 2023-10-01) has nothing to say.
                    guard table.rules.contains(where: { $0.effective.contains(asOf: request.asOf) }) else { continue }
                    let result = try table.evaluate(in: line.map { lineContext(perLineFacts[$0]) } ?? evaluationContext(facts), pack: overlay.id)
                    // The trace shows an overlay where it said something; silent checks would only crowd it.
                    if result.matches.isEmpty && result.missingFacts.isEmpty { continue }
                    record(result, line: line, pack: overlay.id)
                    let prefix = line.map { "line \($0): " } ?? ""
                    var added: [String] = []
                    for match in result.matches { if case .string(let m)? = match.outputs["message"] { added.append(prefix + m) } }
                    for fact in result.missingFacts.sorted() {
                        let question = overlay.facts[fact]?.question ?? QuoteFacts.declarations.first { $0.name == fact }?.question ?? "What is \(fact)?"
                        added.append(prefix + "\(overlay.title) may apply; it depends on: \(question)")
                    }
                    for warning in added where !warnings.contains(warning) { warnings.append(warning) }
                }
            }
        }

        let complete = questions.isEmpty && regime != nil
        var totals: LandedCostQuote.Totals?
        if complete {
            // Totals add the entries as printed: each line's value rounded once.
            var goodsRounded = try zero()
            for v in values { goodsRounded = try Self.add(goodsRounded, v.rounded()) }
            let shippingRounded = shipping.rounded(), insuranceRounded = insurance.rounded()
            var total = goodsRounded
            for m in [shippingRounded, insuranceRounded, dutyTotal, taxTotal, feeTotal] { total = try Self.add(total, m) }
            totals = .init(goods: text(goodsRounded), shipping: text(shippingRounded), insurance: text(insuranceRounded),
                           duties: text(dutyTotal), taxes: text(taxTotal), fees: text(feeTotal), total: text(total))
        } else {
            warnings.append("the quote is incomplete: answer the questions to get totals")
        }
        var rate: LandedCostQuote.Rate?
        if let fx = context.fx, request.currency != currency {
            rate = .init(from: request.currency.code, to: currency.code, rate: (try fx.rate(from: request.currency, to: currency)).description,
                         date: fx.date.description, source: "ECB euro foreign exchange reference rates, cross rate through EUR")
            if fx.date < request.asOf {
                warnings.append("exchange rate of \(fx.date), the last ECB publication on or before \(request.asOf)")
            }
        }
        return LandedCostQuote(
            asOf: request.asOf.description, origin: request.origin, destination: request.destination, currency: currency.code,
            complete: complete, regime: regime, lines: lines, fees: fees, totals: totals, fx: rate, warnings: warnings,
            questions: questions.map { .init(fact: $0.key, question: $0.value) }.sorted(),
            packs: ([pack] + overlays).map { .init(id: $0.id, version: $0.version, sha256: $0.sha256) }, trace: trace)
    }

    /// The MFN duty of a line: from the declared rate, else from the national tariff lines.
    private func mfn(_ line: QuoteRequest.Line, index: Int, value: Money, currency: CurrencyCode, context: QuoteContext,
                     jurisdiction: String) throws(RulesError) -> (LandedCostQuote.Duty?, Money?, [String: String]) {
        var quantities: [String: Decimal] = [:]
        if let q = line.quantity { quantities[q.unit] = q.value }
        if let kg = line.netMassKg { quantities["KGM"] = kg }
        func assess(_ rateText: String, field: String) throws(RulesError) -> (Money?, [String: String]) {
            let expression = rateTexts.expression(rateText)
            guard expression.isParsed else {
                // A declared rate the parser cannot read is the declarant's to fix; a published one
                // (a chapter 99 reference, a sugar-degree formula) becomes a question.
                guard field.hasSuffix(".code") else {
                    throw .invalidRequest(field: field, reason: "the rate '\(rateText)' could not be read (forms: 12%, 1.5¢/kg, 30.5¢/kg + 8.5%, Free)")
                }
                return (nil, ["lines[\(index)].duty_rate": "Line \(index) (\(line.code)): the published rate '\(rateText)' cannot be computed; give the duty rate as duty_rate."])
            }
            if currency.code != "USD", expression.hasSpecificTerm {
                throw .invalidRequest(field: field, reason: "'\(rateText)' has a per-unit term in ¢ or $, which is read in USD; give an ad valorem rate for \(jurisdiction)")
            }
            let assessment = DutyAssessment.assess(expression, customsValue: value.amount, quantities: quantities)
            guard let amount = assessment.amount else {
                // A mass or a quantity the declarant can give; anything else (a part's value, the rate of
                // a referenced subheading) cannot be given, so the duty itself is asked for.
                var open: [String: [String]] = [:]
                for missing in assessment.missing {
                    let fact: String
                    if missing.hasPrefix("the quantity in KGM") { fact = "lines[\(index)].net_mass_kg" }
                    else if missing.hasPrefix("the quantity in") { fact = "lines[\(index)].quantity" }
                    else { fact = "lines[\(index)].duty_rate" }
                    open[fact, default: []].append(missing)
                }
                return (nil, open.mapValues { "Line \(index) (\(line.code)): the rate \(rateText) needs " + $0.joined(separator: " and ") + ($0.contains { !$0.hasPrefix("the quantity") } ? "; give the duty rate as duty_rate." : ".") })
            }
            return (try ExpressionCompiler.money(amount, currency).rounded(), [:])
        }
        if let rate = line.dutyRate {
            let (amount, open) = try assess(rate, field: "lines[\(index)].duty_rate")
            return (.init(kind: "mfn", rateText: rate, amount: amount.map(Amount.init), range: nil, basis: "rate declared with the request"), amount, open)
        }
        let candidates = context.tariffLines[line.code] ?? []
        guard !candidates.isEmpty else {
            return (nil, nil, ["lines[\(index)].duty_rate": "Line \(index) (\(line.code)): what is the \(jurisdiction) third-country (MFN) duty rate? Give it as duty_rate, e.g. \"12%\"."])
        }
        let release = context.tariffRelease ?? "the national tariff"
        let rates = Set(candidates.map(\.generalRate))
        if rates.count == 1, let only = candidates.first {
            let (amount, open) = try assess(only.generalRate, field: "lines[\(index)].code")
            let where_ = candidates.count == 1 ? only.code : "all \(candidates.count) lines under \(line.code)"
            return (.init(kind: "mfn", rateText: only.generalRate, amount: amount.map(Amount.init), range: nil, basis: "\(release) \(where_), general rate"), amount, open)
        }
        // Several national lines with different rates: a range, and the question that settles it.
        var amounts: [Money] = []
        for candidate in candidates {
            if case (let amount?, _) = try assess(candidate.generalRate, field: "lines[\(index)].code") { amounts.append(amount) }
        }
        let listing = candidates.prefix(8).map { "\($0.code) (\($0.generalRate)): \($0.description)" }.joined(separator: "; ")
        let sorted = amounts.sorted { $0.amount < $1.amount }
        let range = sorted.first.flatMap { low in sorted.last.map { [Amount(low), Amount($0)] } }
        let duty = LandedCostQuote.Duty(kind: "mfn", rateText: rates.sorted().joined(separator: " | "), amount: nil, range: range,
                                        basis: "\(release): \(candidates.count) lines under \(line.code)\(amounts.count < candidates.count ? "; the range covers the \(amounts.count) whose rate could be computed" : "")")
        return (duty, nil, ["lines[\(index)].code": "Line \(index): which \(release) line is it? \(listing)\(candidates.count > 8 ? "; …" : "")"])
    }

    static func add(_ a: Money, _ b: Money) throws(RulesError) -> Money {
        do { return try a.adding(b) } catch { throw .evaluation("\(a.currency.code) and \(b.currency.code) were added without conversion") }
    }

    /// A seller or buyer fact from the request, typed as the pack declares it.
    static func fact(_ raw: String, type: RuleType, name: String, currency: CurrencyCode) throws(RulesError) -> RuleValue {
        guard case .set = type else {
            // A request writes money as a bare amount in its own currency.
            guard let value = RuleValue(text: raw, type: type, currency: currency) else {
                throw .invalidRequest(field: name, reason: "'\(raw)' is not \(type == .money ? "a decimal amount in \(currency.code)" : RuleValue.example(of: type))")
            }
            switch value {
            case .decimal(let d) where d < 0:
                throw .invalidRequest(field: name, reason: "must not be negative (\(raw))")
            case .money(let m) where m.isNegative:
                throw .invalidRequest(field: name, reason: "must not be negative (\(raw))")
            case .code(let c):
                return .code(c.uppercased())
            default:
                return value
            }
        }
        throw .invalidRequest(field: name, reason: "set facts are not taken from requests")
    }
}
