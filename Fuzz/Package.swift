// swift-tools-version:6.0
import PackageDescription

// Fuzz targets for sitrep's parsers, kept out of the main package so that `swift build` and
// `swift test` never need libFuzzer. Build and run with Fuzz/run (see docs/fuzzing.md).
let package = Package(
    name: "sitrep-fuzz",
    dependencies: [.package(name: "sitrep", path: "..")],
    targets: [
        .executableTarget(name: "FuzzCSV", dependencies: [.product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzPlaceholders", dependencies: [.product(name: "SitrepFuzzing", package: "sitrep")]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: [.product(name: "SitrepFuzzing", package: "sitrep")]),
    ],
    swiftLanguageModes: [.v6]
)
