// swift-tools-version:6.1
// ODOP services: catalogue, exports (and later training, notifications) exchanging JSON over
// ZeroMQ. See README.md and docs/PROTOCOL.md. Module graph (imports run one way only):
//   CZeroMQ <- ZeroMQ <- ODOPClient <- ODOPRuntime <- services
//   ODOPMessages (Foundation only) <- ODOPClient, ODOPRuntime, services, odopctl
//   tools (odop-bench) <- the libraries and ODOPTesting, never a service's module
// Every target lists each module it imports (no import compiles only through a transitive
// dependency); Foundation, Dispatch and Synchronization come with the toolchain.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "odop-services",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "odop-catalogue", targets: ["odop-catalogue"]),
        .executable(name: "odop-exports", targets: ["odop-exports"]),
        .executable(name: "odop-notifications", targets: ["odop-notifications"]),
        .executable(name: "odop-training", targets: ["odop-training"]),
        .executable(name: "odopctl", targets: ["odopctl"]),
        .executable(name: "odop-bench", targets: ["odop-bench"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "ODOPMessages", targets: ["ODOPMessages"]),
        .library(name: "ODOPReference", targets: ["ODOPReference"]),
        .library(name: "ODOPClient", targets: ["ODOPClient"]),
        .library(name: "ODOPRuntime", targets: ["ODOPRuntime"]),
        .library(name: "ODOPCatalogueCopy", targets: ["ODOPCatalogueCopy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/swift-otel/swift-w3c-trace-context", from: "1.0.0"),
    ],
    targets: [
        // MARK: Shared
        .systemLibrary(
            name: "CZeroMQ",
            path: "Shared/CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], path: "Shared/ZeroMQ", swiftSettings: strict),
        .target(name: "ODOPMessages", path: "Shared/Messages", swiftSettings: strict),
        .target(name: "ODOPReference", path: "Shared/Reference", swiftSettings: strict),
        .target(
            name: "ODOPClient",
            dependencies: ["ZeroMQ", "ODOPMessages"],
            path: "Shared/Client",
            swiftSettings: strict
        ),
        .target(
            name: "ODOPRuntime",
            dependencies: [
                "ZeroMQ", "ODOPMessages", "ODOPReference", "ODOPClient",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the one read that takes a blob's bytes in place (EventLog).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context"),
            ],
            path: "Shared/Runtime",
            swiftSettings: strict
        ),
        .target(
            name: "ODOPCatalogueCopy",
            dependencies: [
                "ODOPRuntime", "ODOPMessages", "ODOPReference",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Shared/CatalogueCopy",
            swiftSettings: strict
        ),
        .target(
            name: "ODOPTesting",
            dependencies: [
                "ODOPClient", "ODOPMessages", "ODOPRuntime", "ZeroMQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Testing",
            swiftSettings: strict
        ),

        // MARK: Services
        .target(
            name: "Catalogue",
            dependencies: [
                "ODOPRuntime", "ODOPMessages", "ODOPReference",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/catalogue/Catalogue",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "odop-catalogue",
            dependencies: ["Catalogue", "ODOPRuntime"],
            path: "Services/catalogue/Main",
            swiftSettings: strict
        ),
        .target(
            name: "Exports",
            dependencies: [
                "ODOPRuntime", "ODOPMessages", "ODOPReference", "ODOPCatalogueCopy",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Services/exports/Exports",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "odop-exports",
            dependencies: ["Exports", "ODOPRuntime"],
            path: "Services/exports/Main",
            swiftSettings: strict
        ),
        .target(
            name: "Training",
            dependencies: [
                "ODOPRuntime", "ODOPMessages", "ODOPReference", "ODOPCatalogueCopy",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/training/Training",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "odop-training",
            dependencies: ["Training", "ODOPRuntime"],
            path: "Services/training/Main",
            swiftSettings: strict
        ),
        .target(
            name: "Notifications",
            dependencies: [
                "ODOPRuntime", "ODOPMessages", "ODOPReference", "ODOPCatalogueCopy",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/notifications/Notifications",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "odop-notifications",
            dependencies: [
                "Notifications", "ODOPRuntime", "ODOPClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/notifications/Main",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "odopctl",
            dependencies: [
                "ODOPClient", "ODOPMessages", "ODOPReference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/odopctl",
            swiftSettings: strict
        ),

        // MARK: Tools (not services: they use the libraries and the wire, never a service's module)
        .executableTarget(
            name: "odop-bench",
            dependencies: [
                "CZeroMQ", "ZeroMQ", "ODOPClient", "ODOPMessages", "ODOPReference", "ODOPRuntime", "ODOPTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tools/bench",
            swiftSettings: strict
        ),

        // MARK: Tests
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"], swiftSettings: strict),
        .testTarget(
            name: "MessagesTests",
            dependencies: ["ODOPMessages", "ODOPReference", "ODOPTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: [
                "ODOPRuntime", "ODOPTesting", "ODOPClient", "ODOPMessages", "ZeroMQ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CatalogueTests",
            dependencies: ["Catalogue", "ODOPReference", "ODOPRuntime", "ODOPTesting", "ODOPClient", "ODOPMessages"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ExportsTests",
            dependencies: [
                "Exports", "ODOPCatalogueCopy", "ODOPReference", "ODOPRuntime", "ODOPTesting", "ODOPClient", "ODOPMessages",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TrainingTests",
            dependencies: [
                "Training", "ODOPCatalogueCopy", "ODOPReference", "ODOPRuntime", "ODOPTesting", "ODOPClient", "ODOPMessages",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StateVocabularyTests",
            dependencies: [
                "Catalogue", "Exports", "Training", "ODOPReference", "ODOPRuntime", "ODOPTesting", "ODOPClient", "ODOPMessages",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NotificationsTests",
            dependencies: [
                "Notifications", "ODOPCatalogueCopy", "ODOPRuntime", "ODOPTesting", "ODOPClient", "ODOPMessages", "ODOPReference",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NetworkTests",
            dependencies: [
                "ODOPTesting", "ODOPClient", "ODOPMessages", "ODOPCatalogueCopy", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeploymentTests",
            dependencies: ["ODOPTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "ODOPTesting", "ODOPClient", "ODOPMessages", "ZeroMQ",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["ODOPTesting", "ODOPClient", "ODOPMessages"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
