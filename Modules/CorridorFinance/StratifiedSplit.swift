import CorridorModel
/// A reproducible, stratified train/test split: each outcome is shuffled with a seeded generator
/// and the same share of each goes to the test set, so both sets keep the event rate.
public struct StratifiedSplit: Sendable, Equatable {
    /// Row indices of the training set, ascending.
    public let train: [Int]
    /// Row indices of the test set, ascending.
    public let test: [Int]

    /// Splits rows by outcome.
    public init(outcomes: [Bool], testShare: Double = 0.3, seed: UInt64 = 42) throws(FinanceError) {
        guard testShare > 0, testShare < 1 else {
            throw .invalidParameter(name: "test share", reason: "must lie strictly between 0 and 1, got \(testShare)")
        }
        var generator = SeededGenerator(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for outcome in [false, true] {
            var rows = outcomes.indices.filter { outcomes[$0] == outcome }
            // Fisher–Yates with the seeded generator, so the split is the same on every platform.
            if rows.count > 1 {
                for i in stride(from: rows.count - 1, to: 0, by: -1) {
                    let j = Int(generator.next() % UInt64(i + 1))
                    rows.swapAt(i, j)
                }
            }
            let testCount = Int((Double(rows.count) * testShare).rounded())
            test += rows.prefix(testCount)
            train += rows.dropFirst(testCount)
        }
        guard !train.isEmpty, !test.isEmpty else {
            throw .invalidParameter(name: "test share", reason: "\(testShare) leaves one side empty with \(outcomes.count) rows")
        }
        self.train = train.sorted()
        self.test = test.sorted()
    }
}
