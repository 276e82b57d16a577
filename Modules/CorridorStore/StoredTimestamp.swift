import Foundation

/// The one text form of instants in the database: ISO 8601 with milliseconds, UTC.
enum StoredTimestamp {
    private static let style = Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)

    static func text(_ date: Date) -> String { date.formatted(style) }

    static func date(_ text: String) -> Date? { try? Date(text, strategy: style) }
}
