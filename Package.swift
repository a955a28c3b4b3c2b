// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage; data flows one way:
// SitrepContent (load) -> SitrepFigures -> SitrepTemplates (placeholders, blocks) over
// SitrepMarkdown (cmark) -> SitrepSite (layout, pages, output) -> sitrep (CLI).
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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
            dependencies: ["SitrepDiagnostics", "CSitrepSystem", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "SitrepFigures", dependencies: ["SitrepContent", "SitrepDiagnostics"]),
        .target(name: "SitrepMarkdown", dependencies: ["CCmark"]),
        .target(
            name: "SitrepTemplates",
            dependencies: ["SitrepFigures", "SitrepMarkdown", "SitrepDiagnostics", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SitrepSite",
            dependencies: [
                "SitrepContent", "SitrepFigures", "SitrepTemplates", "SitrepMarkdown", "SitrepDiagnostics",
                "CSitrepSystem",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Defaults")]
        ),
        .target(name: "SitrepLayout", dependencies: ["SitrepTemplates", "SitrepDiagnostics"]),
        .target(
            name: "SitrepFuzzing",
            dependencies: ["SitrepContent", "SitrepFigures", "SitrepTemplates", "SitrepSite", "SitrepDiagnostics"]
        ),
        .executableTarget(
            name: "sitrep",
            dependencies: ["SitrepSite", "SitrepContent", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SitrepContentTests", dependencies: ["SitrepContent"]),
        .testTarget(name: "SitrepFiguresTests", dependencies: ["SitrepFigures"]),
        .testTarget(name: "SitrepMarkdownTests", dependencies: ["SitrepMarkdown"]),
        .testTarget(name: "SitrepTemplatesTests", dependencies: ["SitrepTemplates"]),
        .testTarget(
            name: "SitrepSiteTests", dependencies: ["SitrepSite", "SitrepTemplates", "SitrepContent"],
            exclude: ["Fixtures"]  // read by path in the tests (the Atom schema)
        ),
        .testTarget(
            name: "SitrepLayoutTests",
            dependencies: [
                "SitrepLayout", "SitrepDiagnostics", "SitrepTemplates", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["sitrep"]),
        .testTarget(name: "SitrepFuzzingTests", dependencies: ["SitrepFuzzing"]),
    ],
    swiftLanguageModes: [.v6]
)
