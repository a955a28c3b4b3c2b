import SitrepDiagnostics

/// The tables among the files of one period folder, each with its format. A table name given by
/// two files (`arrivals.csv` beside `arrivals.CSV`, which a case-sensitive file system allows) is
/// an error at the second: which one holds the figures would depend on an accident of naming.
struct TableFiles {
    /// One file that holds a table.
    struct Entry {
        /// The table's name: the file name without its format's suffix.
        var table: String
        var format: TableFormat
    }

    private var byFileName: [String: Entry] = [:]
    /// The second files of tables given twice.
    private(set) var problems: [Diagnostic] = []

    /// Sorts out `names`, the files of `folder` in the order they are read.
    init(_ names: [String], in folder: String) {
        var firstFile: [String: String] = [:]
        for name in names {
            guard let (table, format) = TableFormat.reader(forFileNamed: name) else { continue }
            if let first = firstFile[table] {
                problems.append(Diagnostic(
                    at: SourceLocation(file: "\(folder)/\(name)"),
                    "the table '\(table)' is given twice: by \(first) and by \(name)",
                    hint: "keep one file for the table '\(table)' and remove or rename the other"))
            } else {
                firstFile[table] = name
                byFileName[name] = Entry(table: table, format: format)
            }
        }
    }

    /// The table the file called `name` holds; nil when it holds none (or one given before).
    func entry(forFileNamed name: String) -> Entry? { byFileName[name] }
}
