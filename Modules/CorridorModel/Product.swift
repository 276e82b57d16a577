import Foundation

/// A product an exporter sells, as described in a listing or on an invoice.
public struct Product: Hashable, Sendable, Codable {
    /// The language of a product text.
    public enum Language: String, CaseIterable, Sendable, Codable {
        /// English.
        case en
        /// Chinese.
        case zh
    }

    /// The seller's stock-keeping unit.
    public let sku: String
    /// The short title, e.g. `Bluetooth wireless earbuds`.
    public let title: String
    /// The longer description; may be empty.
    public let description: String
    /// The language of title and description.
    public let language: Language
    /// Free attributes such as `material: cotton`, `voltage: 220V`.
    public let attributes: [String: String]
    /// The country of origin, when known.
    public let origin: CountryCode?

    /// Creates a product; SKU and title must be non-empty.
    public init(sku: String, title: String, description: String = "", language: Language,
                attributes: [String: String] = [:], origin: CountryCode? = nil) throws(ModelError) {
        let sku = sku.trimmingWhitespace()
        let title = title.trimmingWhitespace()
        guard !sku.isEmpty, sku.count <= 100 else { throw .invalidField(name: "sku", reason: "must be 1–100 characters") }
        guard !title.isEmpty, title.count <= 500 else { throw .invalidField(name: "title", reason: "must be 1–500 characters") }
        self.sku = sku
        self.title = title
        self.description = description
        self.language = language
        self.attributes = attributes
        self.origin = origin
    }

    private enum CodingKeys: String, CodingKey { case sku, title, description, language, attributes, origin }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(sku: c.decode(String.self, forKey: .sku), title: c.decode(String.self, forKey: .title),
                      description: c.decodeIfPresent(String.self, forKey: .description) ?? "",
                      language: c.decode(Language.self, forKey: .language),
                      attributes: c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:],
                      origin: c.decodeIfPresent(CountryCode.self, forKey: .origin))
    }
}
