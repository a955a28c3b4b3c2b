// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage; data flows one way (docs/design.md draws the map):
//   SitrepContent   load: project, series, periods, tables, stated figures; `sitrep new`
//   SitrepFigures   figures: every derived figure, cross-checks, running counts
//   SitrepTemplates template: placeholders, filters, blocks, over SitrepMarkdown (cmark)
//   SitrepSeries    the series stream: load -> figures -> narrative, period after period
//   SitrepLayout    layouts: Mustache compiled against the pages' typed data
//   SitrepSite      outputs, consumers of the stream: pages, figures.json, feed, the writer
//   SitrepPreview   `sitrep serve`: the site in memory over HTTP (Hummingbird), reloaded on save
//   sitrep          the command line
let package = Package(
    name: "sitrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        // The parsers' fuzz entry points, for the separate package in Fuzz/.
        .library(name: "SitrepFuzzing", targets: ["SitrepFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CSitrepSystem"),
        .target(name: "SitrepDiagnostics"),
        .target(
            name: "SitrepContent",
            dependencies: [
                "SitrepDiagnostics", "CSitrepSystem", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "SitrepFigures", dependencies: ["SitrepContent", "SitrepDiagnostics"]),
        .target(name: "SitrepMarkdown", dependencies: ["CCmark"]),
        .target(
            name: "SitrepTemplates",
            dependencies: ["SitrepFigures", "SitrepMarkdown", "SitrepDiagnostics"]
        ),
        .target(
            name: "SitrepSeries",
            dependencies: ["SitrepContent", "SitrepFigures", "SitrepTemplates", "SitrepDiagnostics"]
        ),
        .target(
            name: "SitrepSite",
            dependencies: [
                "SitrepContent", "SitrepFigures", "SitrepTemplates", "SitrepSeries", "SitrepMarkdown", "SitrepDiagnostics",
                "CSitrepSystem", "SitrepLayout",
            ],
            resources: [.embedInCode("Defaults")]
        ),
        .target(name: "SitrepLayout", dependencies: ["SitrepTemplates", "SitrepDiagnostics"]),
        .target(
            name: "SitrepFuzzing",
            dependencies: ["SitrepContent", "SitrepFigures", "SitrepTemplates", "SitrepSite", "SitrepDiagnostics"]
        ),
        .target(
            name: "SitrepPreview",
            dependencies: [
                "SitrepSite", "SitrepContent", "SitrepTemplates", "SitrepDiagnostics",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "sitrep",
            dependencies: [
                "SitrepSite", "SitrepContent", "SitrepPreview", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The static Swift runtime's link arguments export every symbol of the executable
            // (23,585); nothing looks them up, but the runtime's start scans them once in dladdr
            // (0.8 M instructions at each start, callgrind) and the binary is 2.3 MB larger.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "SitrepContentTests", dependencies: ["SitrepContent"],
            exclude: ["Fixtures"]  // workbooks read by path, and the script that made them
        ),
        .testTarget(name: "SitrepFiguresTests", dependencies: ["SitrepFigures"]),
        .testTarget(name: "SitrepMarkdownTests", dependencies: ["SitrepMarkdown"]),
        .testTarget(name: "SitrepTemplatesTests", dependencies: ["SitrepTemplates"]),
        .testTarget(
            name: "SitrepSiteTests", dependencies: ["SitrepSite", "SitrepSeries", "SitrepTemplates", "SitrepContent"],
            exclude: ["Fixtures"]  // read by path in the tests (the Atom schema)
        ),
        .testTarget(
            name: "SitrepLayoutTests",
            dependencies: [
                "SitrepLayout", "SitrepDiagnostics", "SitrepTemplates",
            ],
            exclude: ["Expected"]  // the pages swift-mustache rendered from the default layouts, read by path
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["sitrep"]),
        .testTarget(name: "SitrepPreviewTests", dependencies: ["SitrepPreview", "SitrepSite"]),
        .testTarget(name: "SitrepFuzzingTests", dependencies: ["SitrepFuzzing"]),
    ],
    swiftLanguageModes: [.v6]
)
