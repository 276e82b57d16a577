/// Progress events from `ReferenceImporter`, for a terminal progress line.
public enum ImportProgress: Sendable {
    /// A source is about to be read: its position (1-based) among `total`.
    case started(dataset: String, index: Int, total: Int)
    /// A source is done.
    case finished(ImportReport)
}
