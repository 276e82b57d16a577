import ArgumentParser

/// Output formats of `corridor-rules`; anything else is refused by the argument parser.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
