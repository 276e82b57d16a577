/// Optimal binning of one feature against a binary target, maximising the information value.
///
/// Numeric features follow optbinning's pipeline so the two agree:
/// 1. **Pre-binning** by a CART tree (Gini, best-first, at most `maxPrebins` leaves, each holding at
///    least `minBinShare` of the rows). Thresholds are midpoints of single-precision values, as
///    scikit-learn computes them.
/// 2. **Refinement**: while a pre-bin holds only events or only non-events, the split to its
///    right (the last split for the last two bins) is dropped.
/// 3. **Optimisation**: contiguous pre-bins are merged to maximise IV subject to a monotone event
///    rate (ascending or descending, whichever gives the larger IV), at most `maxBins` bins, each with
///    at least `minBinShare` of the rows and both outcomes. Dynamic programming solves this exactly.
///
/// Categorical features are ordered by event rate and merged by the same optimisation. Missing
/// values always get a bin of their own.
public struct OptimalBinning: Sendable {
    /// The most pre-bins the tree may produce (optbinning's `max_n_prebins`).
    public var maxPrebins = 20
    /// The least share of rows in any bin (`min_prebin_size`).
    public var minBinShare = 0.05
    /// The most bins after optimisation.
    public var maxBins = 8

    /// Creates a binner with the defaults above.
    public init(maxPrebins: Int = 20, minBinShare: Double = 0.05, maxBins: Int = 8) {
        self.maxPrebins = maxPrebins
        self.minBinShare = minBinShare
        self.maxBins = maxBins
    }

    /// Bins a numeric feature.
    public func fitNumeric(_ values: [Double?], target: [Bool], feature: String) throws(FinanceError) -> FeatureBinning {
        try validate(count: values.count, target: target)
        var clean: [(x: Double, y: Bool)] = []
        var missingEvents = 0, missingNonEvents = 0
        for (v, y) in zip(values, target) {
            if let v, v.isFinite { clean.append((v, y)) } else if y { missingEvents += 1 } else { missingNonEvents += 1 }
        }
        guard let first = clean.first?.x, clean.contains(where: { $0.x != first }) else { throw .constantFeature(feature) }
        clean.sort { $0.x < $1.x }
        let totalEvents = target.reduce(0) { $0 + ($1 ? 1 : 0) }
        let totalNonEvents = target.count - totalEvents

        var splits = prebinSplits(clean)
        var counts = binCounts(clean, splits: splits)
        while !splits.isEmpty, counts.contains(where: { $0.events == 0 || $0.nonEvents == 0 }) {
            let mask = counts.map { $0.events == 0 || $0.nonEvents == 0 }
            var keep: [Double] = []
            for (i, s) in splits.enumerated() {
                let remove = i < splits.count - 1 ? mask[i] : (mask[i] || mask[i + 1])
                if !remove { keep.append(s) }
            }
            splits = keep
            counts = binCounts(clean, splits: splits)
        }

        let minCount = Int((minBinShare * Double(clean.count)).rounded(.up))
        let (groups, trend) = try optimise(counts, minCount: minCount, totalEvents: totalEvents, totalNonEvents: totalNonEvents, trends: [.ascending, .descending])
        var finalSplits: [Double] = []
        var bins: [Bin] = []
        for (g, range) in groups.enumerated() {
            let lower: Double? = range.lowerBound == 0 ? nil : splits[range.lowerBound - 1]
            let upper: Double? = range.upperBound == counts.count ? nil : splits[range.upperBound - 1]
            if g > 0, let lower { finalSplits.append(lower) }
            let e = counts[range].reduce(0) { $0 + $1.events }, ne = counts[range].reduce(0) { $0 + $1.nonEvents }
            let label = "[\(lower.map { format($0) } ?? "-inf"), \(upper.map { format($0) } ?? "inf"))"
            bins.append(Bin(label: label, lower: lower, upper: upper, categories: nil, events: e, nonEvents: ne, totalEvents: totalEvents, totalNonEvents: totalNonEvents))
        }
        let missing = Bin(label: "missing", lower: nil, upper: nil, categories: nil, events: missingEvents, nonEvents: missingNonEvents, totalEvents: totalEvents, totalNonEvents: totalNonEvents)
        return FeatureBinning(feature: feature, kind: .numeric, splits: finalSplits, bins: bins, missing: missing, trend: trend.rawValue)
    }

    /// Bins a categorical feature.
    public func fitCategorical(_ values: [String?], target: [Bool], feature: String) throws(FinanceError) -> FeatureBinning {
        try validate(count: values.count, target: target)
        var byCategory: [String: (events: Int, nonEvents: Int)] = [:]
        var missingEvents = 0, missingNonEvents = 0
        for (v, y) in zip(values, target) {
            if let v {
                byCategory[v, default: (0, 0)].events += y ? 1 : 0
                byCategory[v, default: (0, 0)].nonEvents += y ? 0 : 1
            } else if y { missingEvents += 1 } else { missingNonEvents += 1 }
        }
        guard byCategory.count >= 2 else { throw .constantFeature(feature) }
        let totalEvents = target.reduce(0) { $0 + ($1 ? 1 : 0) }
        let totalNonEvents = target.count - totalEvents
        let ordered = byCategory.sorted { a, b in
            let ra = Double(a.value.events) / Double(a.value.events + a.value.nonEvents)
            let rb = Double(b.value.events) / Double(b.value.events + b.value.nonEvents)
            return ra != rb ? ra < rb : a.key < b.key
        }
        let counts = ordered.map { (events: $0.value.events, nonEvents: $0.value.nonEvents) }
        let clean = counts.reduce(0) { $0 + $1.events + $1.nonEvents }
        let minCount = Int((minBinShare * Double(clean)).rounded(.up))
        let (groups, trend) = try optimise(counts, minCount: minCount, totalEvents: totalEvents, totalNonEvents: totalNonEvents, trends: [.ascending])
        let bins = groups.map { range in
            let categories = ordered[range].map(\.key).sorted()
            let e = counts[range].reduce(0) { $0 + $1.events }, ne = counts[range].reduce(0) { $0 + $1.nonEvents }
            return Bin(label: "{" + categories.joined(separator: ", ") + "}", lower: nil, upper: nil, categories: categories,
                       events: e, nonEvents: ne, totalEvents: totalEvents, totalNonEvents: totalNonEvents)
        }
        let missing = Bin(label: "missing", lower: nil, upper: nil, categories: nil, events: missingEvents, nonEvents: missingNonEvents, totalEvents: totalEvents, totalNonEvents: totalNonEvents)
        return FeatureBinning(feature: feature, kind: .categorical, splits: [], bins: bins, missing: missing, trend: trend.rawValue)
    }

    private func validate(count: Int, target: [Bool]) throws(FinanceError) {
        guard count == target.count else { throw .invalidParameter(name: "target", reason: "has \(target.count) rows, the feature \(count)") }
        guard maxPrebins >= 2, maxBins >= 1, minBinShare > 0, minBinShare < 0.5 else {
            throw .invalidParameter(name: "binning", reason: "needs max prebins ≥ 2, max bins ≥ 1 and 0 < min bin share < 0.5")
        }
        let events = target.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard events > 0, events < target.count else {
            throw .targetNotBinary(column: "target", values: events == 0 ? ["non-event only"] : ["event only"])
        }
    }

    // MARK: - Pre-binning (CART)

    private struct Split {
        let position: Int
        let threshold: Double
        let improvement: Double
    }

    /// CART thresholds grown best first over the sorted rows.
    private func prebinSplits(_ rows: [(x: Double, y: Bool)]) -> [Double] {
        let n = rows.count
        let minLeaf = Int((minBinShare * Double(n)).rounded(.up))
        let xs = rows.map { Float($0.x) }
        var prefixEvents = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { prefixEvents[i + 1] = prefixEvents[i] + (rows[i].y ? 1 : 0) }
        func gini(_ lo: Int, _ hi: Int) -> Double {
            let m = Double(hi - lo), e = Double(prefixEvents[hi] - prefixEvents[lo])
            let p = e / m
            return 1 - p * p - (1 - p) * (1 - p)
        }
        func bestSplit(_ lo: Int, _ hi: Int) -> Split? {
            let m = hi - lo
            guard m >= 2 * minLeaf, m >= 2, gini(lo, hi) > 1e-12 else { return nil }
            var best: (p: Int, proxy: Double)?
            var p = lo + minLeaf
            while p <= hi - minLeaf {
                if Double(xs[p]) > Double(xs[p - 1]) + 1e-7 {
                    let nl = Double(p - lo), nr = Double(hi - p)
                    let el = Double(prefixEvents[p] - prefixEvents[lo]), er = Double(prefixEvents[hi] - prefixEvents[p])
                    let proxy = (el * el + (nl - el) * (nl - el)) / nl + (er * er + (nr - er) * (nr - er)) / nr
                    if best.map({ proxy > $0.proxy }) ?? true { best = (p, proxy) }
                }
                p += 1
            }
            guard let best else { return nil }
            let a = Double(xs[best.p - 1]), b = Double(xs[best.p])
            var threshold = a / 2 + b / 2
            if threshold == b || !threshold.isFinite { threshold = a }
            let total = Double(m)
            let improvement = total / Double(n) * (gini(lo, hi) - Double(best.p - lo) / total * gini(lo, best.p) - Double(hi - best.p) / total * gini(best.p, hi))
            return Split(position: best.p, threshold: threshold, improvement: improvement)
        }
        var frontier: [(lo: Int, hi: Int, split: Split)] = []
        if let s = bestSplit(0, n) { frontier.append((0, n, s)) }
        var thresholds: [Double] = []
        while !frontier.isEmpty, thresholds.count < maxPrebins - 1 {
            var k = 0
            for i in frontier.indices where frontier[i].split.improvement > frontier[k].split.improvement { k = i }
            let node = frontier.remove(at: k)
            thresholds.append(node.split.threshold)
            if let s = bestSplit(node.lo, node.split.position) { frontier.append((node.lo, node.split.position, s)) }
            if let s = bestSplit(node.split.position, node.hi) { frontier.append((node.split.position, node.hi, s)) }
        }
        return thresholds.sorted()
    }

    private func binCounts(_ rows: [(x: Double, y: Bool)], splits: [Double]) -> [(events: Int, nonEvents: Int)] {
        var counts = [(events: Int, nonEvents: Int)](repeating: (0, 0), count: splits.count + 1)
        var b = 0
        for row in rows {
            while b < splits.count, row.x >= splits[b] { b += 1 }
            if row.y { counts[b].events += 1 } else { counts[b].nonEvents += 1 }
        }
        return counts
    }

    // MARK: - Optimisation

    enum Trend: String {
        case ascending, descending
    }

    /// Groups contiguous pre-bins to maximise IV under the constraints, trying each trend.
    private func optimise(_ counts: [(events: Int, nonEvents: Int)], minCount: Int, totalEvents: Int, totalNonEvents: Int,
                          trends: [Trend]) throws(FinanceError) -> ([Range<Int>], Trend) {
        let k = counts.count
        var pe = [0], pn = [0]
        for c in counts {
            pe.append(pe[pe.count - 1] + c.events)
            pn.append(pn[pn.count - 1] + c.nonEvents)
        }
        let te = Double(totalEvents), tn = Double(totalNonEvents)
        func feasible(_ j: Int, _ i: Int) -> Bool {
            let e = pe[i] - pe[j], ne = pn[i] - pn[j]
            return e > 0 && ne > 0 && e + ne >= minCount
        }
        func iv(_ j: Int, _ i: Int) -> Double {
            let a = Double(pn[i] - pn[j]) / tn, b = Double(pe[i] - pe[j]) / te
            return (a - b) * _log(a / b)
        }
        func rate(_ j: Int, _ i: Int) -> Double {
            Double(pe[i] - pe[j]) / Double(pe[i] - pe[j] + pn[i] - pn[j])
        }
        var bestOverall: (value: Double, groups: [Range<Int>], trend: Trend)?
        for trend in trends {
            // best[m][i][j]: the best IV with m bins covering pre-bins [0, i), the last being [j, i).
            let minusInf = -Double.infinity
            var best = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: minusInf, count: k + 1), count: k + 1), count: maxBins + 1)
            var back = [[[Int]]](repeating: [[Int]](repeating: [Int](repeating: -1, count: k + 1), count: k + 1), count: maxBins + 1)
            for i in 1...k where feasible(0, i) { best[1][i][0] = iv(0, i) }
            if maxBins >= 2 {
                for m in 2...maxBins {
                    for i in 1...k {
                        for j in 1..<i where feasible(j, i) {
                            let r = rate(j, i)
                            for l in 0..<j where best[m - 1][j][l] > minusInf {
                                let previous = rate(l, j)
                                let ordered = trend == .ascending ? previous <= r : previous >= r
                                guard ordered else { continue }
                                let value = best[m - 1][j][l] + iv(j, i)
                                if value > best[m][i][j] {
                                    best[m][i][j] = value
                                    back[m][i][j] = l
                                }
                            }
                        }
                    }
                }
            }
            for m in 1...maxBins {
                for j in 0..<k where best[m][k][j] > minusInf {
                    let value = best[m][k][j]
                    if bestOverall.map({ value > $0.value + 1e-12 }) ?? true {
                        var groups: [Range<Int>] = []
                        var (mm, i, jj) = (m, k, j)
                        while mm >= 1 {
                            groups.append(jj..<i)
                            let l = back[mm][i][jj]
                            (mm, i, jj) = (mm - 1, jj, l)
                        }
                        bestOverall = (value, groups.reversed(), trend)
                    }
                }
            }
        }
        if let bestOverall { return (bestOverall.groups, bestOverall.trend) }
        // No grouping meets the constraints (e.g. one outcome is very rare): a single bin.
        return ([0..<k], trends[0])
    }

    private func format(_ x: Double) -> String {
        let rounded = (x * 1e6).rounded() / 1e6
        return "\(rounded)"
    }
}
