public import CorridorModel

/// The value of one unit of ``currency`` in ``base`` on each observation date, from one source.
///
/// Only dates on which the source holds both legs are in ``dates``; the source's other publication
/// dates in the range are listed in ``gaps``, never filled.
public struct FXSeries: Sendable, Equatable {
    /// The currency the values are expressed in (EUR for "the EUR value of one CNY").
    public let base: CurrencyCode
    /// The currency one unit of which is valued.
    public let currency: CurrencyCode
    /// Where the rates come from.
    public let source: FXSource
    /// Observation dates, oldest first.
    public let dates: [CivilDate]
    /// ``base`` per unit of ``currency`` on each date.
    public let values: [Double]
    /// Publication dates in the range on which a leg is missing.
    public let gaps: [CivilDate]

    /// Creates a series; `dates` and `values` must have the same length.
    public init(base: CurrencyCode, currency: CurrencyCode, source: FXSource, dates: [CivilDate], values: [Double], gaps: [CivilDate]) {
        precondition(dates.count == values.count, "one value per date")
        self.base = base
        self.currency = currency
        self.source = source
        self.dates = dates
        self.values = values
        self.gaps = gaps
    }

    /// The returns between successive observations; n values give n − 1 returns.
    public func returns(_ kind: ReturnKind = .simple) -> [Double] {
        kind.returns(of: values)
    }
}
