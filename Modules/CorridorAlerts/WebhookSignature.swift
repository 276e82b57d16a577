import Crypto
public import Foundation

/// The signature on every webhook: `X-Corridor-Signature: sha256=HEX`, the HMAC-SHA-256 of
/// `TIMESTAMP.BODY` under the subscription's secret, where `TIMESTAMP` is the
/// `X-Corridor-Timestamp` header (Unix seconds). A receiver recomputes it, compares in constant
/// time, and refuses a timestamp far from its clock to stop replays.
public enum WebhookSignature {
    /// The signature header's name.
    public static let header = "X-Corridor-Signature"
    /// The timestamp header's name.
    public static let timestampHeader = "X-Corridor-Timestamp"

    /// `sha256=` and the hex HMAC of `timestamp.body`.
    public static func sign(body: Data, timestamp: Int, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is the signature of `body` at `timestamp` under `secret` (constant-time).
    public static func verify(signature: String, body: Data, timestamp: Int, secret: String) -> Bool {
        guard signature.hasPrefix("sha256="), let mac = Data(hex: String(signature.dropFirst(7))) else { return false }
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }
}

extension Data {
    /// Bytes from an even-length hex string.
    init?(hex: String) {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
