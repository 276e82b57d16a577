import CorridorModel
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted fields, doubled quotes, embedded line breaks and a BOM")
    func quoting() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n"
        let records = try CSVReader.parse(text)
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("a lone carriage return ends a record (old Mac files); CRLF is one line end")
    func carriageReturns() throws {
        let records = try CSVReader.parse("a,b\rc,d\r\ne,f")
        #expect(records.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(try CSVReader.parse("\"x\ry\",z\n").first?.fields == ["x\ry", "z"], "inside quotes a CR is data")
    }

    @Test("the line after a multi-line field is counted correctly")
    func lineNumbers() throws {
        let records = try CSVReader.parse("h\n\"1\n2\n3\"\nnext\n")
        #expect(records.last?.line == 5)
    }

    @Test("syntax errors name the line")
    func errors() {
        #expect { try CSVReader.parse("a,b\nx\"y,z\n") } throws: { ($0 as? CSVReader.SyntaxError)?.line == 2 }
        #expect { try CSVReader.parse("a\n\"open\n") } throws: { ($0 as? CSVReader.SyntaxError)?.line == 2 }
        #expect { try CSVReader.parse("\"a\"b\n") } throws: { ($0 as? CSVReader.SyntaxError)?.reason == "text after a closing quote" }
    }
}
