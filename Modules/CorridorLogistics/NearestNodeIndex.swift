/// Nearest-node search: a k-d tree over points on the unit sphere, where chord length orders points
/// exactly as great-circle distance does, or over raw (longitude, latitude) degrees, the planar
/// metric searoute uses.
struct NearestNodeIndex: Sendable {
    private struct Node: Sendable {
        let index: Int32
        let axis: UInt8
        var left: Int32 = -1
        var right: Int32 = -1
    }

    private let xyz: [SIMD3<Double>]
    private let metric: SnapMetric
    private var nodes: [Node] = []
    private var root: Int32 = -1

    init(points: [GeoPoint], metric: SnapMetric) {
        self.metric = metric
        xyz = points.map { Self.embed($0, metric) }
        var order = Array(0..<points.count)
        root = build(&order, 0..<order.count, depth: 0)
    }

    static func embed(_ p: GeoPoint, _ metric: SnapMetric) -> SIMD3<Double> {
        if metric == .planarDegrees { return SIMD3(p.longitude, p.latitude, 0) }
        let lat = p.latitude * .pi / 180, lon = p.longitude * .pi / 180
        return SIMD3(_cos(lat) * _cos(lon), _cos(lat) * _sin(lon), _sin(lat))
    }

    private mutating func build(_ order: inout [Int], _ range: Range<Int>, depth: Int) -> Int32 {
        guard !range.isEmpty else { return -1 }
        let axis = depth % 3
        order[range].sort { xyz[$0][axis] < xyz[$1][axis] }
        let mid = range.lowerBound + range.count / 2
        let id = Int32(nodes.count)
        nodes.append(Node(index: Int32(order[mid]), axis: UInt8(axis)))
        let left = build(&order, range.lowerBound..<mid, depth: depth + 1)
        let right = build(&order, (mid + 1)..<range.upperBound, depth: depth + 1)
        nodes[Int(id)].left = left
        nodes[Int(id)].right = right
        return id
    }

    /// The index of the point nearest to `p`.
    func nearest(_ p: GeoPoint) -> Int? {
        guard root >= 0 else { return nil }
        let q = Self.embed(p, metric)
        var best = (index: -1, d2: Double.infinity)
        search(root, q, &best)
        return best.index
    }

    private func search(_ id: Int32, _ q: SIMD3<Double>, _ best: inout (index: Int, d2: Double)) {
        guard id >= 0 else { return }
        let node = nodes[Int(id)]
        let point = xyz[Int(node.index)]
        let diff = point - q
        let d2 = (diff * diff).sum()
        if d2 < best.d2 { best = (Int(node.index), d2) }
        let delta = q[Int(node.axis)] - point[Int(node.axis)]
        let (near, far) = delta < 0 ? (node.left, node.right) : (node.right, node.left)
        search(near, q, &best)
        if delta * delta < best.d2 { search(far, q, &best) }
    }
}
