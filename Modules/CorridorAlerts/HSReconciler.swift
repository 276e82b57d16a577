public import CorridorModel

/// Brings the products of an event written in HS 2012 or HS 2017 to HS 2022 through the
/// correlation tables, keeping many-to-many splits visible.
///
/// Subheadings are correlated one by one. Chapters and headings are kept as prefixes (the tables
/// correlate subheadings), with a note; a code the tables do not know is dropped with a note.
public struct HSReconciler: Sendable {
    /// One product after reconciliation.
    public struct Result: Sendable, Codable, Equatable {
        /// The code as the event gave it.
        public let original: ProductReference
        /// HS 2022 codes it maps to.
        public let codes: [HSCode]
        /// Why the mapping is not one-to-one, or not made.
        public let note: String?
    }

    /// The reference data holding the correlation tables.
    public let reference: any TariffReference

    /// Creates a reconciler.
    public init(reference: any TariffReference) {
        self.reference = reference
    }

    /// Reconciles every product of an event.
    public func reconcile(_ products: [ProductReference]) async -> [Result] {
        var out: [Result] = []
        for product in products {
            if product.version == .hs2022 {
                out.append(Result(original: product, codes: [product.code], note: nil))
            } else if product.code.digits.count != 6 {
                out.append(Result(original: product, codes: [product.code],
                                  note: "\(product.version.rawValue) \(product.code.digits.count)-digit prefix kept as it is: the correlation tables map subheadings"))
            } else if product.version == .hs2028 {
                out.append(Result(original: product, codes: [], note: "no correlation from HS 2028 to HS 2022 is loaded"))
            } else {
                do {
                    let correlation = try await reference.correlate(product.code, from: product.version, to: .hs2022)
                    let codes = correlation.targets.map(\.code)
                    let note = codes.count > 1 ? "split: \(product.code) (\(product.version.rawValue)) maps to \(codes.count) HS 2022 subheadings"
                        : correlation.targets.contains(where: \.partial) ? "partial correspondence" : nil
                    out.append(Result(original: product, codes: codes, note: note))
                } catch {
                    out.append(Result(original: product, codes: [], note: "not mapped: \(error.description)"))
                }
            }
        }
        return out
    }
}
