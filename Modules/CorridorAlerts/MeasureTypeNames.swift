import CorridorModel

/// The measure-type names a subscription may use.
enum MeasureTypeNames {
    static let all = Set(MeasureType.allCases.map(\.rawValue))
}
