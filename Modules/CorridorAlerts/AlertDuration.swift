import Foundation

/// Durations as Alertmanager writes them: `30s`, `5m`, `4h`, `7d`, `1h30m`, or a number of seconds.
enum AlertDuration {
    /// Parses a duration, or says what is accepted.
    static func parse(_ text: String, field: String) throws(AlertsError) -> TimeInterval {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(t), seconds.isFinite, seconds >= 0 { return seconds }
        var total = 0.0
        var number = ""
        var sawUnit = false
        for ch in t {
            if ch.isNumber || ch == "." {
                number.append(ch)
                continue
            }
            let unit: Double
            switch ch {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: throw .invalidConfiguration("\(field): '\(text)' is not a duration such as 30s, 5m, 4h or 7d")
            }
            guard let value = Double(number) else { throw .invalidConfiguration("\(field): '\(text)' is not a duration such as 30s, 5m, 4h or 7d") }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty, total.isFinite else {
            throw .invalidConfiguration("\(field): '\(text)' is not a duration such as 30s, 5m, 4h or 7d")
        }
        return total
    }

    /// Decodes a duration written as a string or a number of seconds.
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K, default value: TimeInterval) throws -> TimeInterval {
        guard c.contains(key) else { return value }
        if let seconds = try? c.decode(Double.self, forKey: key) { return seconds }
        let text = try c.decode(String.self, forKey: key)
        do {
            return try parse(text, field: key.stringValue)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: error.description)
        }
    }
}
