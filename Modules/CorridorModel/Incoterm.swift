import Foundation

/// The eleven Incoterms 2020 rules (ICC publication No. 723E).
public enum Incoterm: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Ex Works.
    case exw = "EXW"
    /// Free Carrier.
    case fca = "FCA"
    /// Carriage Paid To.
    case cpt = "CPT"
    /// Carriage and Insurance Paid To.
    case cip = "CIP"
    /// Delivered at Place.
    case dap = "DAP"
    /// Delivered at Place Unloaded.
    case dpu = "DPU"
    /// Delivered Duty Paid.
    case ddp = "DDP"
    /// Free Alongside Ship (sea and inland waterway).
    case fas = "FAS"
    /// Free on Board (sea and inland waterway).
    case fob = "FOB"
    /// Cost and Freight (sea and inland waterway).
    case cfr = "CFR"
    /// Cost, Insurance and Freight (sea and inland waterway).
    case cif = "CIF"

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
