import Foundation

extension ExampleProject {
    /// A copy of the example, as `copy`, whose series is written in `locale` (`ar`, `es`, …).
    static func copy(locale: String) throws -> URL {
        let project = try copy()
        let file = project.appendingPathComponent("content/belarus/series.yml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "locale: en", with: "locale: \(locale)")
        try Data(text.utf8).write(to: file)
        return project
    }
}
