public import CorridorModel

/// The labels of an alert, which grouping, inhibition and silences match on:
/// `enterprise`, `subscription`, `event`, `source`, `measure`, `severity`, `stage`, `measure_key`,
/// `implementing` (comma-separated) and `title`.
public enum AlertLabels {
    /// The labels of `alert`.
    public static func of(_ alert: AlertRecord) -> [String: String] {
        let e = alert.event
        return ["enterprise": alert.match.enterprise, "subscription": alert.match.subscription, "event": e.key, "source": e.source,
                "measure": e.measure.rawValue, "severity": e.severity.rawValue, "stage": e.stage.rawValue, "measure_key": e.measureLabel,
                "implementing": e.implementing.sorted().joined(separator: ","), "title": e.title]
    }

    /// The names a matcher may use.
    public static let names: Set<String> = ["enterprise", "subscription", "event", "source", "measure", "severity", "stage", "measure_key",
                                            "implementing", "title"]
}
