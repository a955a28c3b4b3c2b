import SitrepDiagnostics

/// The problems found in one CSV file, in the order found. Keeps the first
/// ``CSVProblemList/limit`` and counts the rest, so that a file with a wrong delimiter does not
/// bury the officer under thousands of identical messages (or take long to report them).
struct CSVProblemList {
    /// How many diagnostics are kept for one file.
    static let limit = 20

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var omitted = 0

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { diagnostics.isEmpty && omitted == 0 }

    /// True when the next problem will only be counted: callers can skip building it.
    var isFull: Bool { diagnostics.count >= Self.limit }

    mutating func add(_ diagnostic: Diagnostic) {
        if isFull { omitted += 1 } else { diagnostics.append(diagnostic) }
    }

    /// Counts a problem without building its diagnostic (when ``isFull``).
    mutating func omit() {
        omitted += 1
    }

    /// All the problems as one error, with a closing line for those left out; nil when there are none.
    func error() -> DiagnosticError? {
        if isEmpty { return nil }
        var all = diagnostics
        if omitted > 0 {
            all.append(Diagnostic(
                .error, at: SourceLocation(file: file),
                "\(omitted) more problem\(omitted == 1 ? "" : "s") in this file not shown",
                hint: "fix the problems above and run again to see the rest"))
        }
        return DiagnosticError(all)
    }
}
