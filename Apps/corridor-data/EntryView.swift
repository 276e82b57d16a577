import CorridorModel

/// The JSON shape of a nomenclature line in CLI output (the same fields as the API).
struct EntryView: Encodable {
    let code: String
    let dotted: String
    let description: String
    let fullDescription: String
    let release: String
    let parent: String?
    let section: String?
    let units: [String]
    let rates: TariffRates?

    init(_ e: NomenclatureEntry) {
        code = e.code.digits
        dotted = e.code.dotted
        description = e.description
        fullDescription = e.fullDescription
        release = e.release
        parent = e.parent?.digits
        section = e.section
        units = e.units
        rates = e.rates
    }
}

/// The JSON shape of `corridor-data lookup`.
struct LookupView: Encodable {
    let code: String
    let dotted: String
    let description: String
    let fullDescription: String
    let release: String
    let releaseTitle: String
    let effectiveFrom: String
    let parent: String?
    let section: String?
    let units: [String]
    let rates: TariffRates?
    let ancestors: [EntryView]
    let children: [EntryView]

    init(_ l: NomenclatureLookup) {
        let e = EntryView(l.entry)
        code = e.code
        dotted = e.dotted
        description = e.description
        fullDescription = e.fullDescription
        release = l.release.id
        releaseTitle = l.release.title
        effectiveFrom = l.release.effectiveFrom.description
        parent = e.parent
        section = e.section
        units = e.units
        rates = e.rates
        ancestors = l.ancestors.map(EntryView.init)
        children = l.children.map(EntryView.init)
    }
}
