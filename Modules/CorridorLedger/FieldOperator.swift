public import Foundation
import Crypto

/// One desensitization operation on a field's text. Pure: the same input, key and operator give
/// the same output (except `encrypt`, whose random nonce makes each ciphertext unique).
public enum FieldOperator: Hashable, Sendable {
    /// Keeps `keepFirst` and `keepLast` characters and replaces the rest with `mask`, counting
    /// Unicode characters (grapheme clusters), so `张三丰` masks to `张*丰`, not to broken bytes.
    case mask(keepFirst: Int, keepLast: Int, with: Character)
    /// Replaces the whole value with `[REDACTED]`.
    case redact
    /// Replaces the whole value with fixed text.
    case replace(String)
    /// Keyed pseudonym: HMAC-SHA-256 of the value, as lower-case hex, under a subkey derived (HKDF)
    /// from a key of at least 16 bytes; the same key and value always give the same pseudonym, so
    /// records still join across fields and documents.
    case pseudonymize
    /// AES-256-GCM under a subkey derived (HKDF) from a 32-byte key, authenticating the field's
    /// context (its path) so a ciphertext cannot be moved to another field; the output is base64
    /// of nonce ‖ ciphertext ‖ tag.
    case encrypt
    /// Coarsens a value: a date to its month, a postcode to a prefix, a number to a bucket.
    case generalize(Generalization)

    /// How `generalize` coarsens a value.
    public enum Generalization: Hashable, Sendable {
        /// `2026-07-14` → `2026-07`.
        case dateToMonth
        /// `518000` → `518***` (keeps `keep` characters).
        case prefix(keep: Int)
        /// `1234.5` with width 1000 → `[1000, 2000)`.
        case bucket(width: Decimal)
    }

    /// Applies the operator. `key` is required by `pseudonymize` (≥ 16 bytes) and `encrypt`
    /// (32 bytes); `context` (the field path) is bound into `encrypt`'s ciphertext.
    public func apply(to value: String, key: [UInt8]? = nil, context: String = "") throws(DesensitizationError) -> String {
        switch self {
        case .mask(let first, let last, let symbol):
            let chars = Array(value)
            let first = max(0, min(first, chars.count)), last = max(0, min(last, chars.count))
            guard chars.count > first + last else { return String(repeating: symbol, count: chars.count) }
            return String(chars.prefix(first)) + String(repeating: symbol, count: chars.count - first - last) + String(chars.suffix(last))
        case .redact:
            return "[REDACTED]"
        case .replace(let text):
            return text
        case .pseudonymize:
            guard let key, key.count >= 16 else { throw .keyTooShort(needed: 16, got: key?.count ?? 0) }
            let mac = HMAC<SHA256>.authenticationCode(for: Array(value.utf8), using: Self.subkey(key, purpose: "pseudonymize"))
            return mac.map { String(format: "%02x", $0) }.joined()
        case .encrypt:
            guard let key, key.count == 32 else { throw .wrongKeyLength(needed: 32, got: key?.count ?? 0) }
            do {
                let sealed = try AES.GCM.seal(Array(value.utf8), using: Self.subkey(key, purpose: "encrypt"), authenticating: Array(context.utf8))
                guard let combined = sealed.combined else { throw DesensitizationError.cryptoFailed("no combined form") }
                return combined.base64EncodedString()
            } catch let error as DesensitizationError {
                throw error
            } catch {
                throw .cryptoFailed("\(error)")
            }
        case .generalize(let how):
            return try how.apply(to: value)
        }
    }

    /// Reverses `encrypt` with the same 32-byte key and context.
    public static func decrypt(_ text: String, key: [UInt8], context: String = "") throws(DesensitizationError) -> String {
        guard key.count == 32 else { throw .wrongKeyLength(needed: 32, got: key.count) }
        guard let data = Data(base64Encoded: text) else { throw .cryptoFailed("the ciphertext is not base64") }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: subkey(key, purpose: "encrypt"), authenticating: Array(context.utf8)), as: UTF8.self)
        } catch {
            throw .cryptoFailed("the ciphertext does not open with this key and field: \(error)")
        }
    }

    /// One key per purpose (HKDF-SHA-256), so the pseudonym key never doubles as the encryption key.
    static func subkey(_ key: [UInt8], purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: key), info: Array("corridor/desensitize/\(purpose)".utf8), outputByteCount: 32)
    }
}

extension FieldOperator.Generalization {
    func apply(to value: String) throws(DesensitizationError) -> String {
        switch self {
        case .dateToMonth:
            let parts = value.split(separator: "-")
            guard parts.count >= 2, parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil, let m = Int(parts[1]), (1...12).contains(m) else {
                throw .cannotGeneralize(value, "not a date such as 2026-07-14")
            }
            return "\(parts[0])-\(parts[1])"
        case .prefix(let keep):
            let chars = Array(value)
            let keep = max(0, min(keep, chars.count))
            return String(chars.prefix(keep)) + String(repeating: "*", count: chars.count - keep)
        case .bucket(let width):
            guard width > 0, let number = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) else {
                throw .cannotGeneralize(value, "not a number")
            }
            var quotient = number / width, floor = Decimal()
            NSDecimalRound(&floor, &quotient, 0, .down)
            let low = floor * width
            return "[\(low), \(low + width))"
        }
    }
}
