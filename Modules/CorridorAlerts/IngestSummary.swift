public import CorridorModel

/// What storing one page did, as the CLI prints it and the API answers it: events new, corrected
/// and unchanged, the alerts recorded, the records the adapter rejected, warnings, and how older
/// HS editions were brought to HS 2022.
public struct IngestSummary: Sendable, Encodable {
    /// Events new to the store.
    public let inserted: Int
    /// Events the source corrected.
    public let updated: Int
    /// Events already stored as they are.
    public let unchanged: Int
    /// Alerts recorded.
    public let alerts: [AlertMatch]
    /// Records of the page that could not be read, with the reasons.
    public let rejected: [RejectedRecord]
    /// What could not be done.
    public let warnings: [String]
    /// HS reconciliation, by event key.
    public let reconciliation: [String: [HSReconciler.Result]]

    /// The summary of an ingest of `report`'s events.
    public init(_ outcome: AlertIngestor.Outcome, report: IngestReport) {
        inserted = outcome.inserted
        updated = outcome.updated
        unchanged = outcome.unchanged
        alerts = outcome.alerts
        rejected = report.rejected
        warnings = outcome.warnings
        reconciliation = outcome.reconciliation
    }
}
