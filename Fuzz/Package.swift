// swift-tools-version:6.0
import PackageDescription

// Fuzz targets for sitrep's parsers, kept out of the main package so that `swift build` and
// `swift test` never need libFuzzer. Build and run with Fuzz/run (see docs/fuzzing.md).
let package = Package(
    name: "sitrep-fuzz",
    dependencies: [.package(name: "sitrep", path: "..")],
    targets: [
        .target(name: "FuzzDriver", dependencies: [.product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzPlaceholders", dependencies: ["FuzzDriver", .product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzDriver", .product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzDriver", .product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzLayouts", dependencies: ["FuzzDriver", .product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzWorkbook", dependencies: ["FuzzDriver", .product(name: "SitrepFuzzing", package: "sitrep")]),
    ],
    swiftLanguageModes: [.v6]
)
