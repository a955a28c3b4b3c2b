import Foundation
import XCTest

/// Copies of the repository's example project for tests that change or build it, so that they
/// do not see edits made to the repository while they run.
enum ExampleProject {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A copy of `sitrep.yml`, `content/` and `templates/` in `folder` (made if missing), or in a
    /// new temporary folder.
    static func copy(into folder: URL? = nil) throws -> URL {
        let project = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for item in ["sitrep.yml", "content", "templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: project.appendingPathComponent(item))
        }
        return project
    }

    /// A copy of the example with its series copied once more, as `copy`.
    static func copy(withSeriesCopiedAs copy: String) throws -> URL {
        let project = try self.copy()
        try FileManager.default.copyItem(at: project.appendingPathComponent("content/belarus"),
                                         to: project.appendingPathComponent("content/\(copy)"))
        return project
    }

    /// Changes one CSV value: the arrivals from Belarus in the last period of `series`, 902 in
    /// the example.
    static func changeArrivalsFromBelarus(in project: URL, series: String = "belarus", to arrivals: Int) throws {
        let csv = project.appendingPathComponent("content/\(series)/2022-06/arrivals.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        XCTAssertTrue(text.contains("Belarus,902"), "the example changed: \(csv.path)")
        try Data(text.replacingOccurrences(of: "Belarus,902", with: "Belarus,\(arrivals)").utf8).write(to: csv)
    }
}
