import Foundation

/// Strict base64: only the canonical encoding of some bytes is accepted, so that no two texts
/// decode to the same bytes (a changed padding bit is a change, not a synonym).
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }
}
