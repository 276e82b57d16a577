import ArgumentParser

/// Output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
