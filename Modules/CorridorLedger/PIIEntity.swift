/// The kinds of personal or sensitive identifier the scanner finds.
public enum PIIEntity: String, CaseIterable, Sendable, Codable {
    /// An e-mail address.
    case email
    /// A phone number: E.164, mainland mobile (`1[3-9]` + 9 digits) or a common national layout.
    case phone
    /// A payment card number that passes the Luhn check.
    case creditCard = "credit-card"
    /// An IBAN that passes the ISO 13616 mod-97 check.
    case iban
    /// A mainland resident identity number whose GB 11643 check character is right.
    case cnResidentID = "cn-resident-id"
    /// A unified social credit code whose GB 32100 check character is right.
    case cnCreditCode = "cn-credit-code"
    /// A passport number next to the word "passport" (or 护照).
    case passport
    /// An IPv4 or IPv6 address.
    case ipAddress = "ip-address"
    /// A URL or bare web address.
    case url
    /// A calendar date, possibly with a time.
    case dateTime = "date-time"
    /// A person's name, found by context ("my name is", titles, name fields) — a heuristic.
    case person
    /// An organisation, found by its legal-form or industry suffix — a heuristic.
    case organization
    /// A country (from the ISO 3166 names) or a place named after "from", "to", "in" or "at" — a heuristic.
    case location
    /// A street address: house number, street words and number, apartment or suite — a heuristic.
    case streetAddress = "street-address"
}
