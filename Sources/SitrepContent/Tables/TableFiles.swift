import SitrepDiagnostics

/// The tables among the files of one period folder, each with its format. Two files for one
/// table (`arrivals.csv` beside `arrivals.CSV`, which a case-sensitive file system allows) are an
/// error at the second, and so are two tables whose names differ only in case (`Arrivals.csv`
/// beside `arrivals.csv`): on Windows and macOS, or in a copy made there, they are one file, and
/// which table's figures a build used would depend on the machine.
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
        var firstFile: [String: (name: String, table: String)] = [:]
        for name in names {
            guard let (table, format) = TableFormat.reader(forFileNamed: name) else { continue }
            guard let first = firstFile[table.lowercased()] else {
                firstFile[table.lowercased()] = (name, table)
                byFileName[name] = Entry(table: table, format: format)
                continue
            }
            let location = SourceLocation(file: "\(folder)/\(name)")
            if first.table == table {
                problems.append(Diagnostic(
                    at: location, "the table '\(table)' is given twice: by \(first.name) and by \(name)",
                    hint: "keep one file for the table '\(table)' and remove or rename the other"))
            } else {
                problems.append(Diagnostic(
                    at: location,
                    "the tables '\(first.table)' (\(first.name)) and '\(table)' (\(name)) have names that differ only in case: "
                        + "on Windows and macOS their files are one file",
                    hint: "keep one of the files, or rename one so that the names differ in more than case"))
            }
        }
    }

    /// The table the file called `name` holds; nil when it holds none (or one given before).
    func entry(forFileNamed name: String) -> Entry? { byFileName[name] }
}
