import Foundation
import SitrepDiagnostics

/// `sitrep new SERIES PERIOD`: starts the next period folder of a series from its latest one.
///
/// - `report.md` is copied with `period:` and `as_of:` set to the new dates; everything else in
///   it is kept byte for byte, except the values of stated figures in a front matter `figures:`
///   block, which are blanked as in `figures.yml`.
/// - A table declared `reported: cumulative` is copied as it is (the officer updates the running
///   totals); any other table keeps its header line only, so that the build fails until this
///   period's rows are added.
/// - `figures.yml` keeps its keys, comments and layout, with every value blanked, so that the
///   build stops at each figure still to be filled in.
///
/// Nothing stale is published silently: every number carried over is either a running total the
/// officer was told to update, or absent. The folder is written under a hidden staging name and
/// renamed into place at the end, so a failure leaves nothing half-created.
public enum NewPeriod {
    /// What one created file holds, and so what the officer has to do with it.
    public enum Content: Sendable, Hashable {
        /// `report.md`: the dates are new, the narrative is the previous one.
        case report
        /// A cumulative table, copied: its running totals must be brought up to date.
        case cumulativeTable
        /// A per-period table with its header only: this period's rows must be added.
        case periodTable
        /// `figures.yml` with every value blanked: each must be filled in.
        case figures
    }

    /// One file written in the new period folder.
    public struct CreatedFile: Sendable, Hashable {
        /// The path relative to the project root, e.g. `content/belarus/2022-07/report.md`.
        public var path: String
        public var content: Content
    }

    /// What `start` did.
    public struct Created: Sendable {
        public var series: String
        /// The new folder, relative to the project root (`content/belarus/2022-07`).
        public var folder: String
        /// The name of the period it was started from (`2022-06`).
        public var previous: String
        /// The dates written into the new report's front matter.
        public var period: Period
        /// Every file written, `report.md` first, then the tables by name, then `figures.yml`.
        public var files: [CreatedFile]

        /// The text `sitrep new` prints: the files created, then what to do next.
        /// `checkCommand` is the command line to suggest for checking (`sitrep check`).
        public func summary(checkCommand: String = "sitrep check") -> String {
            var text = "created \(folder) (\(period.start) to \(period.end)) from \(previous):\n"
            let width = files.map(\.path.count).max() ?? 0
            for file in files {
                let note: String
                switch file.content {
                case .report: note = "dates set; the narrative is \(previous)'s"
                case .cumulativeTable: note = "copied: update the running totals"
                case .periodTable: note = "header only: add this period's rows"
                case .figures: note = "values blanked: fill in every figure"
                }
                text += "  " + file.path + String(repeating: " ", count: width - file.path.count + 2) + note + "\n"
            }
            func names(_ content: Content) -> String {
                files.filter { $0.content == content }.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")
            }
            var steps: [String] = []
            if files.contains(where: { $0.content == .periodTable }) { steps.append("add this period's rows to \(names(.periodTable))") }
            if files.contains(where: { $0.content == .cumulativeTable }) { steps.append("update the running totals in \(names(.cumulativeTable))") }
            if files.contains(where: { $0.content == .figures }) { steps.append("fill in every value in \(names(.figures))") }
            steps.append("update the narrative in report.md")
            steps.append("run `\(checkCommand)` until it reports no errors")
            text += "\nnext steps:\n"
            for (index, step) in steps.enumerated() { text += "  \(index + 1). \(step)\n" }
            return text
        }
    }

    /// Creates `content/<series>/<period>/` from the series' latest period and returns the paths
    /// written, relative to the project root.
    public static func create(projectRoot: String, series: String, period: String) throws(DiagnosticError) -> [String] {
        try start(projectRoot: projectRoot, series: series, period: period).files.map(\.path)
    }

    /// Creates `content/<series>/<period>/` from the series' latest period; see ``NewPeriod``.
    public static func start(projectRoot: String, series slug: String, period name: String) throws(DiagnosticError) -> Created {
        if let problem = periodNameProblem(name) { throw DiagnosticError(problem) }
        let project = try Project.load(root: projectRoot)
        guard let series = project.series(named: slug) else {
            let nearest = Suggestions.nearest(to: slug, in: project.series.map(\.config.slug))
            let known = project.series.map(\.config.slug)
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: "content/\(slug)"), "there is no series '\(slug)'",
                hint: nearest.map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "series are the folders of content/, and there are none yet"
                                      : "series are the folders of content/: \(known.joined(separator: ", "))")))
        }
        let seriesFolder = "content/\(slug)"
        guard let latest = series.periods.last else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: seriesFolder), "the series '\(slug)' has no period yet",
                hint: "sitrep new starts a period from the latest one: create the first by hand, e.g. \(seriesFolder)/\(name)/report.md"))
        }
        let folder = "\(seriesFolder)/\(name)"
        let absolute = project.root + "/" + folder
        if FileManager.default.fileExists(atPath: absolute) {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder), "\(folder) already exists",
                hint: "sitrep new never overwrites a period. The latest period is \(latest.name) (\(latest.period.start) to \(latest.period.end)); "
                    + "name the next one after it, e.g. \(suggestedName(after: latest, existing: series.periods))"))
        }
        let end = PeriodFolder(name: name, path: folder)!.nominalEnd
        let start = latest.period.end.adding(days: 1)
        guard end > latest.period.end else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder),
                "the period \(name) would end on \(end), which is not after the latest period \(latest.name) (ending \(latest.period.end))",
                hint: "the new period starts on \(start); name it after its end, e.g. \(suggestedName(after: latest, existing: series.periods))"))
        }
        guard start <= end else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder), "the period \(name) would start on \(start), after its end (\(end))",
                hint: "a period starts the day after the latest one (\(latest.name)) ends"))
        }
        let period = Period(start: start, end: end)
        let files = try newFiles(from: latest, series: series.config, period: period, files: project.files)
        try write(files, to: absolute, seriesFolder: project.root + "/" + seriesFolder, name: name)
        return Created(series: slug, folder: folder, previous: latest.name, period: period,
                       files: files.map { CreatedFile(path: "\(folder)/\($0.name)", content: $0.content) })
    }

    /// The problem with a period folder name, or nil when it is `YYYY-MM` or `YYYY-MM-DD`.
    public static func periodNameProblem(_ name: String) -> Diagnostic? {
        guard PeriodFolder(name: name, path: name) == nil else { return nil }
        return Diagnostic(
            at: nil, "'\(name)' is not a period folder name",
            hint: "write YYYY-MM for a calendar month (e.g. 2022-07) or YYYY-MM-DD for a period ending that day (e.g. 2022-06-23)")
    }

    /// A name for the period after `latest`: the month holding its first day, or the month after
    /// when that one is taken or ends too early.
    static func suggestedName(after latest: PeriodFolder, existing: [PeriodFolder]) -> String {
        let start = latest.period.end.adding(days: 1)
        var month = Day(year: start.year, month: start.month, day: 1)!
        while existing.contains(where: { $0.name == monthName(month) }) || month.endOfMonth <= latest.period.end {
            month = month.endOfMonth.adding(days: 1)
        }
        return monthName(month)
    }

    private static func monthName(_ day: Day) -> String { String(day.description.prefix(7)) }

    // MARK: Files

    private struct NewFile {
        var name: String
        var bytes: [UInt8]
        var content: Content
    }

    /// The new folder's files, computed in memory; every problem in the latest folder is reported
    /// together. Files are read as a build reads them: a link leading outside the project is refused.
    private static func newFiles(from latest: PeriodFolder, series: SeriesConfig, period: Period, files: ContentFiles) throws(DiagnosticError) -> [NewFile] {
        var problems: [Diagnostic] = []
        var report: NewFile?
        var tables: [NewFile] = []
        var figures: [NewFile] = []
        let names = try files.list(latest.path)
        let tableFiles = TableFiles(names, in: latest.path)
        problems += tableFiles.problems
        for name in names {
            let file = "\(latest.path)/\(name)"
            guard !files.isDirectory(file) else { continue }
            do {
                if name == "report.md" {
                    let text = try files.readText(file)
                    report = NewFile(name: name, bytes: Array(try newReport(text, period: period, file: file).utf8), content: .report)
                } else if let table = tableFiles.entry(forFileNamed: name) {
                    let bytes = try files.read(file)
                    let declaration = series.declaration(for: table.table)
                    if declaration.measure.reported == .cumulative {
                        tables.append(NewFile(name: name, bytes: bytes, content: .cumulativeTable))
                    } else {
                        tables.append(NewFile(name: name, bytes: try table.format.headerOnly(bytes, file, declaration), content: .periodTable))
                    }
                } else if name == "figures.yml" || name == "figures.yaml" {
                    figures.append(NewFile(name: name, bytes: Array(blankFigures(try files.readText(file)).utf8), content: .figures))
                }
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        // Project.load has checked that report.md exists.
        guard let report else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: latest.path), "the period folder has no report.md"))
        }
        return [report] + tables + figures
    }

    /// Writes the files into a hidden staging folder beside the new one (`.NAME.new-PID`, see
    /// `StagingFolder`), waits until they are on the disk, then renames the folder into place.
    private static func write(_ files: [NewFile], to destination: String, seriesFolder: String, name: String) throws(DiagnosticError) {
        let relative = "content/" + (seriesFolder as NSString).lastPathComponent + "/" + name
        let staging: StagingFolder
        do {
            staging = try StagingFolder(in: seriesFolder, naming: stagingNaming(name))
            for file in files { try staging.createFile(file.name, file.bytes) }
            try staging.syncToDisk()
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot write the new period: \(error.localizedDescription)"))
        }
        do {
            // Refuses an existing destination (checked again here: another run may have made it).
            try FileManager.default.moveItem(atPath: staging.path, toPath: destination)
            staging.finish()
        } catch {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: relative), "cannot create the folder: \(error.localizedDescription)",
                hint: FileManager.default.fileExists(atPath: destination) ? "the folder appeared while sitrep new ran; remove it or pick another name" : nil))
        }
    }

    /// The naming of the staging folders of the new period folder `name`.
    static func stagingNaming(_ name: String) -> StagingFolder.Naming { StagingFolder.Naming(prefix: ".\(name).new-") }
}
