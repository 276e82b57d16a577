/// A product an event names: an HS chapter, heading or subheading (or a national line) and the HS
/// edition it is written in.
public struct ProductReference: Hashable, Sendable, Codable {
    /// The code; 2, 4 or 6 digits name a chapter, heading or subheading.
    public let code: HSCode
    /// The HS edition of `code`.
    public let version: HSVersion

    /// Creates a reference.
    public init(code: HSCode, version: HSVersion) {
        self.code = code
        self.version = version
    }
}
