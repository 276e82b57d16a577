import Foundation

/// A product as marketplaces describe it: a title, an optional category path and attributes.
///
/// Category paths ("Clothing > Women > Dresses") and attributes ("material: cotton") carry what
/// titles leave out, notably the material and the kind of good, which decide many HS subheadings.
public struct ProductText: Hashable, Sendable, Codable {
    /// The title or free description.
    public var title: String
    /// The category path, with any separator (`>`, `/`, `|`, `›`).
    public var category: String?
    /// Attributes by name, e.g. `["material": "cotton", "gender": "women"]`.
    public var attributes: [String: String]

    /// Creates a product text.
    public init(title: String, category: String? = nil, attributes: [String: String] = [:]) {
        self.title = title
        self.category = category
        self.attributes = attributes
    }

    /// The text the classifier reads: the title, then the category path, then the attribute values
    /// (sorted by name, so the result does not depend on the order they were given in).
    public var text: String {
        var parts = [title]
        if let category, !category.allSatisfy(\.isWhitespace) {
            parts.append(category.split(whereSeparator: { ">/|›»\\".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
        }
        for name in attributes.keys.sorted() {
            guard let value = attributes[name], !value.allSatisfy(\.isWhitespace) else { continue }
            parts.append(value)
        }
        return parts.joined(separator: ". ")
    }
}
