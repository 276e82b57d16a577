import Foundation

/// One line of an order or invoice: a product, how much of it, and its price.
public struct OrderLine: Hashable, Sendable, Codable {
    /// The product.
    public let product: Product
    /// The quantity shipped.
    public let quantity: Quantity
    /// The price of one unit of `quantity`.
    public let unitPrice: Money
    /// The declared classification, when the seller gives one.
    public let hsCode: HSCode?

    /// Creates a line; the unit price must not be negative.
    public init(product: Product, quantity: Quantity, unitPrice: Money, hsCode: HSCode? = nil) throws(ModelError) {
        guard !unitPrice.isNegative else { throw .invalidField(name: "unit price", reason: "\(unitPrice) is negative") }
        self.product = product
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.hsCode = hsCode
    }

    private enum CodingKeys: String, CodingKey { case product, quantity, unitPrice, hsCode }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(product: c.decode(Product.self, forKey: .product), quantity: c.decode(Quantity.self, forKey: .quantity),
                      unitPrice: c.decode(Money.self, forKey: .unitPrice), hsCode: c.decodeIfPresent(HSCode.self, forKey: .hsCode))
    }

    /// Quantity × unit price, unrounded.
    public var lineValue: Money {
        // Both factors were validated on construction (a quantity is never NaN), so this cannot fail.
        (try? unitPrice.multiplied(by: quantity.value)) ?? unitPrice
    }
}
