/// Where a training example came from.
public enum CorpusSource: String, Sendable, Codable, CaseIterable, Comparable {
    /// An HS 2022 subheading description joined with its heading and chapter text.
    case hsNomenclature = "hs2022"
    /// A US HTS line with its indent ancestors (label: its first six digits).
    case usHTS = "us-hts"
    /// An EU CN line with its ancestors.
    case euCN = "eu-cn"
    /// An HMRC search reference: a trader's word for a good and the commodity code it leads to.
    case searchReference = "hmrc-search-reference"
    /// A UK Advance Tariff Ruling's description of the goods.
    case ruling = "uk-atar"

    public static func < (lhs: CorpusSource, rhs: CorpusSource) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
