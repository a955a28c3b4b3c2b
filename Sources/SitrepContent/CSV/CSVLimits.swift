import SitrepDiagnostics

/// How large a table ``CSVReader`` reads. A build holds every table of a report in memory, at
/// about 1.2 KB per row; past these limits it stops with an error naming the limit rather than
/// risk being killed for want of memory (docs/content.md gives the measurements).
public struct CSVLimits: Sendable {
    /// The largest file, in bytes.
    public var bytes: Int
    /// The most rows below the header.
    public var rows: Int

    public init(bytes: Int, rows: Int) {
        self.bytes = bytes
        self.rows = rows
    }

    /// 32 MB and 1,000,000 rows.
    public static let standard = CSVLimits(bytes: 32 * 1024 * 1024, rows: 1_000_000)

    /// The error for a file of `size` bytes, when that is over the limit.
    func sizeProblem(_ size: Int, file: String) -> DiagnosticError? {
        guard size > bytes else { return nil }
        return DiagnosticError(Diagnostic(
            at: SourceLocation(file: file),
            "the file is \(Self.megabytes(size)); sitrep reads tables of at most \(Self.megabytes(bytes))",
            hint: Self.splitHint))
    }

    /// The error for the row at `line`, the first one over a limit of `rows`.
    static func rowProblem(rows: Int, line: Int, file: String, sourceLine: String) -> Diagnostic {
        Diagnostic(
            at: SourceLocation(file: file, line: line, column: 1),
            "the table has more than \(rows.formatted) rows; sitrep reads tables of at most \(rows.formatted) rows",
            hint: Self.splitHint, sourceLine: sourceLine)
    }

    private static let splitHint = "aggregate the rows before adding the table (a report needs totals, not records), "
        + "or split it into several tables"

    private static func megabytes(_ size: Int) -> String {
        let mb = 1024 * 1024
        if size < mb { return "\(size) bytes" }
        return size % mb == 0 || size >= 10 * mb ? "\(size / mb) MB" : "\(size * 10 / mb / 10).\(size * 10 / mb % 10) MB"
    }
}

extension Int {
    /// `1,000,000`.
    fileprivate var formatted: String {
        var digits = String(self)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
    }
}
