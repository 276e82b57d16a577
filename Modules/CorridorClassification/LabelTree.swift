/// The HS hierarchy the classifier predicts over: chapters → headings → subheadings.
///
/// Every tree node owns one output vector. Nodes are numbered chapters first, then headings, then
/// subheadings (the leaves), each group in code order. The softmax at a node runs over its children
/// only, so a prediction is always hierarchy-consistent: a subheading's probability is the product
/// of its chapter's, its heading's (given the chapter) and its own (given the heading).
public struct LabelTree: Sendable, Hashable, Codable {
    /// Chapter codes (2 digits), sorted.
    public let chapters: [String]
    /// Heading codes (4 digits), sorted.
    public let headings: [String]
    /// Subheading codes (6 digits), sorted: the labels.
    public let leaves: [String]
    /// Descriptions by code (chapters, headings and subheadings).
    public let descriptions: [String: String]

    /// Creates a tree from subheadings with their descriptions. Headings and chapters are derived
    /// from the codes; `descriptions` should also hold the heading and chapter texts.
    public init(leaves: [String], descriptions: [String: String]) throws(ClassificationError) {
        let sorted = Array(Set(leaves)).sorted()
        guard sorted.count >= 2 else { throw .insufficientCorpus("the label set needs at least two HS subheadings, got \(sorted.count)") }
        for code in sorted where code.count != 6 || !code.allSatisfy(\.isASCIIDigit) {
            throw .invalidArgument(name: "label", reason: "'\(code)' is not a six-digit HS subheading")
        }
        self.leaves = sorted
        self.headings = Array(Set(sorted.map { String($0.prefix(4)) })).sorted()
        self.chapters = Array(Set(sorted.map { String($0.prefix(2)) })).sorted()
        self.descriptions = descriptions
    }

    /// The number of nodes (chapters + headings + leaves).
    public var nodeCount: Int { chapters.count + headings.count + leaves.count }

    /// The index of a leaf code, or nil when it is not a label.
    public func leafIndex(_ code: String) -> Int? {
        Self.search(leaves, code)
    }

    /// The description of a code, or its code when the tree holds no text for it.
    public func describe(_ code: String) -> String {
        descriptions[code] ?? code
    }

    private static func search(_ sorted: [String], _ code: String) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < code { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == code ? low : nil
    }

    /// The tree as flat arrays for the training and prediction loops.
    struct Layout: Sendable {
        /// Children of the root: chapter node ids.
        let rootChildren: [Int32]
        /// Children of each chapter and heading node (by node id); leaves have none.
        let childStart: [Int32]
        let childCount: [Int32]
        let children: [Int32]
        /// For each leaf: node ids of its chapter, heading and itself, and its position among its siblings
        /// at each level.
        let leafPath: [(chapter: Int32, heading: Int32, leaf: Int32, chapterSlot: Int32, headingSlot: Int32, leafSlot: Int32)]
        let firstLeafNode: Int

        init(_ tree: LabelTree) {
            let chapterIndex = Dictionary(uniqueKeysWithValues: tree.chapters.enumerated().map { ($1, $0) })
            let headingIndex = Dictionary(uniqueKeysWithValues: tree.headings.enumerated().map { ($1, $0) })
            let c = tree.chapters.count
            let h = tree.headings.count
            firstLeafNode = c + h
            rootChildren = (0..<c).map { Int32($0) }
            var kids = [[Int32]](repeating: [], count: c + h)
            for (i, heading) in tree.headings.enumerated() {
                kids[chapterIndex[String(heading.prefix(2)), default: 0]].append(Int32(c + i))
            }
            for (i, leaf) in tree.leaves.enumerated() {
                kids[c + headingIndex[String(leaf.prefix(4)), default: 0]].append(Int32(c + h + i))
            }
            var start: [Int32] = []
            var count: [Int32] = []
            var flat: [Int32] = []
            for list in kids {
                start.append(Int32(flat.count))
                count.append(Int32(list.count))
                flat.append(contentsOf: list)
            }
            childStart = start
            childCount = count
            children = flat
            leafPath = tree.leaves.enumerated().map { i, leaf in
                let chapter = chapterIndex[String(leaf.prefix(2)), default: 0]
                let heading = c + headingIndex[String(leaf.prefix(4)), default: 0]
                let leafNode = c + h + i
                let headingSlot = kids[chapter].firstIndex(of: Int32(heading)) ?? 0
                let leafSlot = kids[heading].firstIndex(of: Int32(leafNode)) ?? 0
                return (Int32(chapter), Int32(heading), Int32(leafNode), Int32(chapter), Int32(headingSlot), Int32(leafSlot))
            }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
