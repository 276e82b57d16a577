import Foundation

/// The eleven Incoterms 2020 rules (ICC publication No. 723E).
public enum Incoterm: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case exw = "EXW", fca = "FCA", cpt = "CPT", cip = "CIP", dap = "DAP", dpu = "DPU", ddp = "DDP"
    case fas = "FAS", fob = "FOB", cfr = "CFR", cif = "CIF"

    /// Parses a rule's three-letter code, case-insensitively.
    public init(parsing text: String) throws(ModelError) {
        guard let value = Incoterm(rawValue: text.trimmingWhitespace().uppercased()) else { throw .invalidIncoterm(text) }
        self = value
    }

    /// FAS, FOB, CFR and CIF are for sea and inland waterway transport only.
    public var isSeaAndInlandWaterwayOnly: Bool { [.fas, .fob, .cfr, .cif].contains(self) }

    /// Whether the seller pays the main carriage (the C and D rules).
    public var sellerPaysMainCarriage: Bool { [.cpt, .cip, .cfr, .cif, .dap, .dpu, .ddp].contains(self) }

    /// Whether the seller must insure the goods (CIF, CIP).
    public var sellerInsures: Bool { self == .cif || self == .cip }

    /// Whether the seller clears the goods for import and pays import duties and taxes (DDP only).
    public var sellerPaysImportDuties: Bool { self == .ddp }

    /// Whether the rule may be used with `mode`.
    public func permits(_ mode: TransportMode) -> Bool {
        !isSeaAndInlandWaterwayOnly || mode == .sea || mode == .inlandWater
    }

    public var description: String { rawValue }
}
