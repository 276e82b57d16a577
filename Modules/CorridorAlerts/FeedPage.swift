import Foundation

/// The records of a JSON feed page: the array under `key` of a page object, or (when the publisher's
/// clients also read it that way) a bare array. Size and shape are checked once for every adapter.
enum FeedPage {
    static func records(_ data: Data, key: String, source: String, expected: String, bareArray: Bool) throws(AlertsError) -> [[String: Any]] {
        guard data.count <= FederalRegisterAdapter.maxPageBytes else { throw .oversized(bytes: data.count, limit: FederalRegisterAdapter.maxPageBytes) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformedPage(source: source, reason: "not JSON: \(error.localizedDescription)")
        }
        if let page = root as? [String: Any], let list = page[key] as? [[String: Any]] { return list }
        if bareArray, let list = root as? [[String: Any]] { return list }
        throw .malformedPage(source: source, reason: "no `\(key)` array (\(expected) is expected)")
    }
}
