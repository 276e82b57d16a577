/// The facts a quote supplies to every pack, without the pack declaring them.
///
/// Amounts are in the pack's currency (the request's amounts converted at the recorded rate).
public enum QuoteFacts {
    /// The built-in declarations, with the questions asked when one is missing.
    public static let declarations: [FactDeclaration] = [
        .init(name: "origin", type: .code, question: "What is the country of origin?"),
        .init(name: "destination", type: .code, question: "What is the destination country?"),
        .init(name: "channel", type: .string, question: "Is the consignment sent by post, express, freight or CBEC?"),
        .init(name: "transport_mode", type: .string, question: "How is the consignment carried: air, sea, rail or road?"),
        .init(name: "consignment.value", type: .money, question: "What is the value of the goods?"),
        .init(name: "consignment.shipping", type: .money, question: "What does transport to the destination cost?"),
        .init(name: "consignment.insurance", type: .money, question: "What does insurance cost?"),
        .init(name: "consignment.lines", type: .decimal, question: "How many lines are declared?"),
        .init(name: "consignment.subheadings", type: .decimal, question: "How many distinct HS subheadings are declared?"),
        .init(name: "consignment.codes", type: .set(.code), question: "Which HS subheadings are declared?"),
        .init(name: "regime.name", type: .string, question: "Which regime applies?"),
        .init(name: "regime.duty", type: .string, question: "How is duty assessed?"),
        .init(name: "regime.de_minimis_applied", type: .bool, question: "Does a de minimis relief apply?"),
        .init(name: "line.code", type: .code, question: "What is the line's HS code?"),
        .init(name: "line.hs6", type: .code, question: "What is the line's HS subheading?"),
        .init(name: "line.description", type: .string, question: "What are the goods of the line?"),
        .init(name: "line.customs_value", type: .money, question: "What is the customs value of the line?"),
        .init(name: "line.shipping", type: .money, question: "What share of transport falls on the line?"),
        .init(name: "line.insurance", type: .money, question: "What share of insurance falls on the line?"),
        .init(name: "line.duty", type: .money, question: "What duty is due on the line?"),
        .init(name: "line.quantity", type: .decimal, question: "What quantity does the line declare?"),
        .init(name: "line.unit", type: .code, question: "In which unit is the line's quantity?"),
        .init(name: "line.net_mass_kg", type: .decimal, question: "What is the line's net mass in kilograms?"),
    ]
}
