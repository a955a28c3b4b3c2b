import Foundation
import SitrepContent
import SitrepDiagnostics
import XCTest

@testable import SitrepFigures

/// A series written into a temporary folder, `content/<name>/`, and computed period by period as
/// a build does (`Project.load`, then `loadReport` and one `SeriesFigures` in reporting order).
struct SeriesOnDisk {
    let root: URL
    let name: String

    /// Makes the temporary project folder; `remove()` deletes it.
    init(label: String, name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-\(label)-\(UUID().uuidString)", isDirectory: true)
        self.name = name
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Deletes the temporary project folder, and nothing outside the temporary folder.
    func remove() {
        if root.path.hasPrefix(FileManager.default.temporaryDirectory.path) { try? FileManager.default.removeItem(at: root) }
    }

    /// Writes `content/<name>/<path>`.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("content/\(name)/\(path)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The figures of every period in order, or the diagnostics of the first that fails.
    func compute() throws -> Result<[String: FigureSet], DiagnosticError> {
        let project = try Project.load(root: root.path)
        let series = try XCTUnwrap(project.series(named: name))
        var seriesFigures = SeriesFigures(series: series.config)
        var sets: [String: FigureSet] = [:]
        for folder in series.periods {
            let report = try project.loadReport(series: series, folder: folder)
            do { sets[folder.name] = try seriesFigures.figures(for: report, folder: folder) }
            catch { return .failure(error) }
        }
        return .success(sets)
    }

    /// The figures of every period, by period; a test failure if a period fails.
    func figures(_ caller: StaticString = #filePath, line: UInt = #line) throws -> [String: FigureSet] {
        switch try compute() {
        case .success(let sets): return sets
        case .failure(let error):
            XCTFail("unexpected error: \(error)", file: caller, line: line)
            return [:]
        }
    }

    /// The diagnostics of the first period that fails; a test failure if none does.
    func diagnostics(_ caller: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        guard case .failure(let error) = try compute() else {
            XCTFail("expected an error", file: caller, line: line)
            return []
        }
        return error.diagnostics
    }
}
