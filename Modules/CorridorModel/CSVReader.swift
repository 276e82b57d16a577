/// A strict RFC 4180 reader that reports the physical line each record starts on, so that an
/// importer can say exactly where a file is malformed.
///
/// It accepts a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with embedded commas,
/// quotes (`""`) and line breaks.
public struct CSVReader: Sendable {
    /// One parsed record and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        /// The 1-based physical line the record starts on.
        public let line: Int
        /// The record's fields, unquoted.
        public let fields: [String]

        /// Creates a record.
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// A syntax error: the line and what is wrong.
    public struct SyntaxError: Error, CustomStringConvertible {
        /// The 1-based line.
        public let line: Int
        /// What is wrong there.
        public let reason: String
        /// `line N: reason`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses the whole text. Blank lines are skipped.
    public static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var atFieldStart = true
        var iterator = Array(text.unicodeScalars)
        if iterator.first == "\u{FEFF}" { iterator.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
            atFieldStart = true
        }
        while i < iterator.count {
            let c = iterator[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < iterator.count, iterator[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"":
                    guard atFieldStart else {
                        throw SyntaxError(line: line, reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                    atFieldStart = false
                case ",":
                    fields.append(field)
                    field = ""
                    fieldWasQuoted = false
                    atFieldStart = true
                case "\r" where i + 1 < iterator.count && iterator[i + 1] == "\n":
                    break  // CRLF: the LF ends the record
                case "\n", "\r":
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    if fieldWasQuoted {
                        throw SyntaxError(line: line, reason: "text after a closing quote")
                    }
                    field.unicodeScalars.append(c)
                    atFieldStart = false
                }
            }
            i += 1
        }
        if inQuotes { throw SyntaxError(line: recordLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
