/// A progress report from a training run.
public struct TrainingProgress: Sendable, Hashable {
    /// The current epoch, from 1.
    public let epoch: Int
    /// The number of epochs.
    public let epochs: Int
    /// The fraction of the run done, 0…1.
    public let fraction: Double
    /// The mean loss (negative log-likelihood) since the previous report.
    public let loss: Double
    /// Examples processed per second since the start.
    public let examplesPerSecond: Double
}
