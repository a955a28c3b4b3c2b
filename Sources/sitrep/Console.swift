import Foundation
import SitrepDiagnostics

/// Writes messages for people to the terminal: results on standard output, problems on
/// standard error.
enum Console {
    /// Prints a line on standard output at once, even when it is a pipe or a file (where
    /// output is otherwise kept until the buffer fills): for a command that runs until stopped.
    /// A closed pipe (`sitrep serve | head -1`) is not an error of sitrep's: the line is dropped.
    static func say(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    /// Prints diagnostics, then a count (and `consequence`, if any), so that a long list ends
    /// with a summary.
    static func report(_ diagnostics: [Diagnostic], consequence: String? = nil) {
        for diagnostic in diagnostics { error(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { error("\(errors) error\(errors == 1 ? "" : "s")" + (consequence.map { "; \($0)" } ?? "")) }
    }
}
