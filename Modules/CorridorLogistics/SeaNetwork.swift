public import Foundation

/// The maritime network (searoute's `marnet`): sea lanes as an undirected graph whose nodes are the
/// lines' vertices and whose edges are great-circle segments, some labelled with the passage they
/// cross (suez, panama, malacca, …).
///
/// Nodes at longitude 180 and −180 with the same latitude are joined by zero-length edges, so routes
/// cross the Pacific. Routes are found by A* with the great-circle distance to the destination as
/// the (exact, admissible) heuristic. The Northwest Passage is excluded unless asked for; any
/// passage can be excluded per query.
public struct SeaNetwork: Sendable {
    /// Every node.
    public let nodes: [GeoPoint]
    /// The passage names found on the network's edges.
    public let passageNames: [String]
    private let offsets: [Int32]
    private let targets: [Int32]
    private let weights: [Double]
    private let passageOfEdge: [Int16]
    private let planarIndex: NearestNodeIndex
    private let sphericalIndex: NearestNodeIndex

    /// Passages a query excludes unless told otherwise.
    public static let defaultExclusions = ["northwest"]

    /// Parses the marnet GeoJSON (LineString and MultiLineString features; `passage` property).
    public init(geojson data: Data, file: String = "searoute_marnet.geojson") throws(LogisticsError) {
        let features = try GeoJSONFeatures.parse(data, file: file)
        var idOf: [GeoPoint: Int] = [:]
        var nodes: [GeoPoint] = []
        var passageNames: [String] = []
        var edges: [Int: [(Int, Double, Int16)]] = [:]
        func node(_ p: GeoPoint) -> Int {
            if let id = idOf[p] { return id }
            idOf[p] = nodes.count
            nodes.append(p)
            return nodes.count - 1
        }
        func addEdge(_ a: Int, _ b: Int, _ w: Double, _ passage: Int16) {
            guard a != b else { return }
            edges[a, default: []].append((b, w, passage))
            edges[b, default: []].append((a, w, passage))
        }
        for (i, feature) in features.enumerated() {
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
                throw .malformedFile(file: file, line: 0, reason: "feature \(i) has no geometry")
            }
            let lines: [[[Double]]]
            switch type {
            case "LineString": lines = [(geometry["coordinates"] as? [[Double]]) ?? []]
            case "MultiLineString": lines = (geometry["coordinates"] as? [[[Double]]]) ?? []
            default: continue
            }
            var passage: Int16 = -1
            if let name = (feature["properties"] as? [String: Any])?["passage"] as? String {
                if let k = passageNames.firstIndex(of: name) { passage = Int16(k) } else {
                    passageNames.append(name)
                    passage = Int16(passageNames.count - 1)
                }
            }
            for line in lines {
                guard line.allSatisfy({ $0.count >= 2 && $0[1] >= -90 && $0[1] <= 90 }) else {
                    throw .malformedFile(file: file, line: 0, reason: "feature \(i) has a coordinate that is not [longitude, latitude]")
                }
                for (u, v) in zip(line, line.dropFirst()) {
                    let a = GeoPoint(longitude: u[0], latitude: u[1]), b = GeoPoint(longitude: v[0], latitude: v[1])
                    addEdge(node(a), node(b), a.distanceKm(to: b), passage)
                }
            }
        }
        // The antimeridian: (180, y) and (−180, y) are the same place.
        for (p, id) in idOf where p.longitude == 180 {
            if let twin = idOf[GeoPoint(longitude: -180, latitude: p.latitude)] { addEdge(id, twin, 0, -1) }
        }
        guard !nodes.isEmpty else { throw .malformedFile(file: file, line: 0, reason: "no sea lanes in the file") }
        var offsets: [Int32] = [0], targets: [Int32] = [], weights: [Double] = [], passages: [Int16] = []
        for id in nodes.indices {
            // Parallel edges keep the shortest.
            var best: [Int: (Double, Int16)] = [:]
            for (b, w, p) in edges[id] ?? [] where best[b].map({ w < $0.0 }) ?? true { best[b] = (w, p) }
            for (b, wp) in best.sorted(by: { $0.key < $1.key }) {
                targets.append(Int32(b))
                weights.append(wp.0)
                passages.append(wp.1)
            }
            offsets.append(Int32(targets.count))
        }
        self.nodes = nodes
        self.passageNames = passageNames.sorted()
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        // Edge passage indices refer to the discovery order; remap to the sorted names.
        let sortedIndex = Dictionary(uniqueKeysWithValues: self.passageNames.enumerated().map { ($1, Int16($0)) })
        passageOfEdge = passages.map { $0 < 0 ? -1 : sortedIndex[passageNames[Int($0)]] ?? -1 }
        planarIndex = NearestNodeIndex(points: nodes, metric: .planarDegrees)
        sphericalIndex = NearestNodeIndex(points: nodes, metric: .greatCircle)
    }

    /// Reads a file.
    public init(contentsOf url: URL) throws(LogisticsError) {
        try self.init(geojson: GeoJSONFeatures.read(url), file: url.lastPathComponent)
    }

    /// Every edge once, as a two-point segment (for drawing).
    public func segments() -> [[GeoPoint]] {
        var out: [[GeoPoint]] = []
        for a in nodes.indices {
            for e in Int(offsets[a])..<Int(offsets[a + 1]) where Int(targets[e]) > a && weights[e] > 0 {
                out.append([nodes[a], nodes[Int(targets[e])]])
            }
        }
        return out
    }

    /// The number of undirected edges.
    public var edgeCount: Int { targets.count / 2 }

    /// The node nearest to a point, by `metric`.
    public func snap(_ p: GeoPoint, metric: SnapMetric = .planarDegrees) -> (node: Int, distanceKm: Double)? {
        let index = metric == .planarDegrees ? planarIndex : sphericalIndex
        guard let i = index.nearest(metric == .planarDegrees ? p : p.normalised) else { return nil }
        return (i, nodes[i].distanceKm(to: p.normalised))
    }

    /// Validates passage names.
    public func passages(_ names: [String]) throws(LogisticsError) -> Set<Int16> {
        var out = Set<Int16>()
        for raw in names {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty { continue }
            guard let k = passageNames.firstIndex(of: name) else { throw .unknownPassage(raw, known: passageNames) }
            out.insert(Int16(k))
        }
        return out
    }

    /// The shortest sea route between two points, avoiding `excluding` passages.
    public func route(from origin: GeoPoint, to destination: GeoPoint, excluding: [String] = SeaNetwork.defaultExclusions,
                      snap metric: SnapMetric = .planarDegrees) throws(LogisticsError) -> SeaRoute {
        for p in [origin, destination] where !(p.latitude >= -90 && p.latitude <= 90 && p.longitude.isFinite) {
            throw .invalidParameter(name: "coordinate", reason: "\(p) is not a [longitude, latitude] pair")
        }
        let excluded = try passages(excluding)
        guard let a = snap(origin, metric: metric), let b = snap(destination, metric: metric) else { throw .malformedFile(file: "network", line: 0, reason: "empty") }
        let originSnap = SeaRoute.Snap(requested: origin, node: nodes[a.node], distanceKm: a.distanceKm)
        let destinationSnap = SeaRoute.Snap(requested: destination, node: nodes[b.node], distanceKm: b.distanceKm)
        let names = excluded.map { passageNames[Int($0)] }.sorted()
        guard let path = shortestPath(a.node, b.node, excluded: excluded) else {
            let reason = "no sea route between these points avoids " + (names.isEmpty ? "nothing excluded; the network is not connected here" : names.joined(separator: ", "))
            return SeaRoute(origin: originSnap, destination: destinationSnap, lengthKm: nil, passages: [], coordinates: [], excluded: names, unreachableReason: reason)
        }
        var coordinates: [GeoPoint] = []
        var length = 0.0
        var traversed: [String] = []
        for (k, id) in path.enumerated() {
            var p = nodes[id]
            if let previous = coordinates.last {
                length += nodes[path[k - 1]].distanceKm(to: nodes[id])
                var x = p.longitude
                while x - previous.longitude > 180 { x -= 360 }
                while x - previous.longitude < -180 { x += 360 }
                p = GeoPoint(longitude: x, latitude: p.latitude)
                if let passage = passageOf(path[k - 1], id), passage >= 0 {
                    let name = passageNames[Int(passage)]
                    if traversed.last != name, !traversed.contains(name) { traversed.append(name) }
                }
            }
            coordinates.append(p)
        }
        return SeaRoute(origin: originSnap, destination: destinationSnap, lengthKm: length, passages: traversed,
                        coordinates: coordinates, excluded: names, unreachableReason: nil)
    }

    private func passageOf(_ a: Int, _ b: Int) -> Int16? {
        for e in Int(offsets[a])..<Int(offsets[a + 1]) where Int(targets[e]) == b { return passageOfEdge[e] }
        return nil
    }

    /// A* over the graph; `nil` when the target cannot be reached.
    func shortestPath(_ source: Int, _ target: Int, excluded: Set<Int16>) -> [Int]? {
        if source == target { return [source] }
        let goal = nodes[target]
        var distance = [Double](repeating: .infinity, count: nodes.count)
        var previous = [Int32](repeating: -1, count: nodes.count)
        var closed = [Bool](repeating: false, count: nodes.count)
        var heap = MinHeap()
        distance[source] = 0
        heap.push(nodes[source].distanceKm(to: goal), source)
        let blocked = excluded.isEmpty ? nil : excluded
        while let (_, u) = heap.pop() {
            if closed[u] { continue }
            if u == target { break }
            closed[u] = true
            let du = distance[u]
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                if let blocked, blocked.contains(passageOfEdge[e]) { continue }
                let v = Int(targets[e])
                if closed[v] { continue }
                let dv = du + weights[e]
                if dv < distance[v] {
                    distance[v] = dv
                    previous[v] = Int32(u)
                    heap.push(dv + nodes[v].distanceKm(to: goal), v)
                }
            }
        }
        guard distance[target].isFinite else { return nil }
        var path = [target]
        var cursor = target
        while cursor != source {
            cursor = Int(previous[cursor])
            path.append(cursor)
        }
        return path.reversed()
    }
}

/// A binary min-heap of (priority, node).
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ priority: Double, _ value: Int) {
        items.append((priority, value))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[parent].0 <= items[i].0 { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].0 < items[m].0 { m = l }
                if r < items.count, items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return first
    }
}
