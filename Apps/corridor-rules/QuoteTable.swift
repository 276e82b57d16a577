import CorridorRules

/// The quote as a table for a terminal.
enum QuoteTable {
    static func print(_ q: LandedCostQuote) {
        Swift.print("quote \(q.decisionID ?? "(not recorded)") — \(q.origin) → \(q.destination), as of \(q.asOf), in \(q.currency)")
        if let r = q.regime {
            Swift.print("regime\t\(r.name)\n\tde minimis applied: \(r.deMinimisApplied ? "yes" : "no"); rule \(r.rule)\n\tbasis: \(r.basis)")
        }
        for line in q.lines {
            Swift.print("line \(line.index)\t\(line.code)\tvalue \(line.customsValue)")
            for d in line.duties { Swift.print("\tduty \(d.kind)\t\(d.rateText)\t\(d.amount?.description ?? d.range.map { "\($0[0])–\($0[1])" } ?? "?")") }
            for t in line.taxes { Swift.print("\ttax \(t.kind)\t\(t.rate) × \(t.base)\t\(t.amount)") }
        }
        for f in q.fees { Swift.print("fee\t\(f.kind)\t\(f.amount)") }
        if let t = q.totals {
            Swift.print("totals\tgoods \(t.goods)  shipping \(t.shipping)  insurance \(t.insurance)  duties \(t.duties)  taxes \(t.taxes)  fees \(t.fees)")
            Swift.print("total\t\(t.total) \(q.currency)")
        }
        if let fx = q.fx { Swift.print("fx\t1 \(fx.from) = \(fx.rate) \(fx.to) (\(fx.source), \(fx.date))") }
        for w in q.warnings { Swift.print("warning\t\(w)") }
        for question in q.questions { Swift.print("question\t\(question.fact): \(question.question)") }
        for p in q.packs { Swift.print("pack\t\(p.id) \(p.version) \(p.sha256.prefix(12))") }
    }
}
