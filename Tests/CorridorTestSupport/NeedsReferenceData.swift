public import Testing

extension Trait where Self == ConditionTrait {
    /// Runs a test that reads ../shared/data: disabled with this reason when the data is absent on
    /// a developer's machine; always enabled under `CI=true`, where missing data fails the test.
    public static var needsReferenceData: Self {
        .enabled(if: TestData.shouldRun, "reference data not found: set CORRIDOR_DATA or place it at ../shared/data (under CI=true these tests fail instead)")
    }
}
