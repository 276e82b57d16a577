import Foundation

/// A GTFS CSV table parsed from bytes: RFC 4180 quoting, a BOM, CRLF or LF. It is byte-level
/// because stop_times.txt runs to millions of rows.
struct GTFSTable {
    let header: [String]
    private let cells: [String]
    let count: Int
    private let file: String

    init(data: Data, file: String) throws(LogisticsError) {
        self.file = file
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let c = bytes[i]
            if inQuotes {
                if c == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 1 } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == 0x22 {
                inQuotes = true
            } else if c == 0x2C {
                endField()
            } else if c == 0x0A || c == 0x0D {
                if c == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endField()
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row.removeAll(keepingCapacity: true)
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw .malformedFile(file: file, line: rows.count + 1, reason: "a quoted field is never closed") }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        guard let header = rows.first else { throw .malformedFile(file: file, line: 1, reason: "empty; a header row is needed") }
        self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var flat: [String] = []
        flat.reserveCapacity(rows.count * header.count)
        for (n, r) in rows.dropFirst().enumerated() {
            guard r.count == header.count else {
                throw .malformedFile(file: file, line: n + 2, reason: "\(r.count) fields where the header has \(header.count)")
            }
            flat += r
        }
        cells = flat
        count = rows.count - 1
    }

    func column(_ name: String) throws(LogisticsError) -> Int {
        guard let i = header.firstIndex(of: name) else { throw .malformedFile(file: file, line: 1, reason: "no column '\(name)'") }
        return i
    }

    func cell(_ row: Int, _ column: Int) -> String { cells[row * header.count + column] }

    func value(_ row: Int, _ name: String) throws(LogisticsError) -> String {
        cell(row, try column(name))
    }

    func optional(_ row: Int, _ name: String) -> String? {
        header.firstIndex(of: name).map { cell(row, $0) }
    }
}
