import Synchronization

/// Parsed rate texts, shared by every quote an engine makes: a tariff line's rate is read once, not
/// at each quote. Thread-safe; bounded (cleared when it reaches `limit` texts).
final class DutyExpressionCache: Sendable {
    private let storage = Mutex<[String: DutyExpression]>([:])
    private let limit: Int

    init(limit: Int = 50_000) {
        self.limit = limit
    }

    /// The expression of `text`, parsed on first use.
    func expression(_ text: String) -> DutyExpression {
        if let cached = storage.withLock({ $0[text] }) { return cached }
        let parsed = DutyRateParser.parse(text)
        storage.withLock { cache in
            if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
            cache[text] = parsed
        }
        return parsed
    }
}
