import Dispatch
import SitrepDiagnostics

/// A sitrep project: `sitrep.yml`, `content/` and `templates/` under one root.
///
/// Loading is in two steps so that builds can stream: `Project.load` reads the site settings and
/// every series' `series.yml` and period folder names; `loadReport` reads one period in full.
public struct Project: Sendable {
    /// One series and the names of its period folders, in reporting order.
    public struct Series: Sendable {
        public var config: SeriesConfig
        public var periods: [PeriodFolder]
    }

    public var site: SiteConfig
    public var series: [Series]
    /// The project's files, read only from inside the project.
    public let files: ContentFiles

    /// The absolute path of the project root.
    public var root: String { files.root }

    /// Reads `sitrep.yml` and the outline of `content/`. Every problem found is reported together.
    /// `outlines` gives, by slug, the periods of series whose files are known to be as when
    /// those periods were read (by a build manifest): their reports are not read again for dates.
    /// `listings`, the folders as a scan made just before found them, saves listing them and
    /// sizing their files again (``FolderListings``).
    public static func load(root: String, outlines: [String: [PeriodFolder]] = [:],
                            listings: FolderListings? = nil) throws(DiagnosticError) -> Project {
        let files = ContentFiles(root: root, listings: listings)
        var problems: [Diagnostic] = []
        var site = SiteConfig()
        if files.exists("sitrep.yml") {
            do { site = try SiteConfig(yaml: YAMLNode.parse(files.readText("sitrep.yml"), file: "sitrep.yml")) }
            catch { problems += error.diagnostics }
        }
        guard files.isDirectory("content") else {
            throw DiagnosticError(problems + [Diagnostic(
                at: SourceLocation(file: "content"), "there is no content folder in \(files.root)",
                hint: "run sitrep from the project folder (the one with sitrep.yml), or pass --project PATH")])
        }
        var series: [Series] = []
        do {
            let names = try files.list("content")
            problems += files.unopenableNames(names, in: "content")
            let slugs = names.filter { files.isDirectory("content/\($0)") }
            // Each series' outline reads every report's front matter: the series are read on
            // every core, and their outlines and problems kept in folder order.
            let loaded = Locked([Result<Series, DiagnosticError>?](repeating: nil, count: slugs.count))
            let locale = site.locale
            DispatchQueue.concurrentPerform(iterations: slugs.count) { position in
                let outline = Result { () throws(DiagnosticError) in
                    try loadSeries(slug: slugs[position], files: files, defaultLocale: locale, outline: outlines[slugs[position]])
                }
                loaded.withLock { $0[position] = outline }
            }
            for result in loaded.withLock({ $0 }) {
                switch result {
                case .success(let one)?: series.append(one)
                case .failure(let error)?: problems += error.diagnostics
                case nil: continue
                }
            }
        } catch { problems += error.diagnostics }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return Project(site: site, series: series, files: files)
    }

    private static func loadSeries(slug: String, files: ContentFiles, defaultLocale: String,
                                   outline: [PeriodFolder]?) throws(DiagnosticError) -> Series {
        let folder = "content/\(slug)"
        let file = "\(folder)/series.yml"
        if let problem = SeriesFolderName.problem(with: slug, at: folder) { throw DiagnosticError(problem) }
        _ = try files.insidePath(folder)
        guard files.exists(file) else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder), "the series folder has no series.yml",
                hint: "create \(file) with at least `title:` and `onset:`, e.g.\ntitle: Belarus — response to the war in Ukraine\nonset: 2022-02-24"))
        }
        let config = try SeriesConfig(slug: slug, file: file, yaml: YAMLNode.parse(files.readText(file), file: file),
                                      defaultLocale: defaultLocale)
        if let outline { return Series(config: config, periods: outline) }
        var periods: [PeriodFolder] = []
        var problems: [Diagnostic] = []
        let names = try files.list(folder)
        problems += files.unopenableNames(names, in: folder)
        for name in names where files.isDirectory("\(folder)/\(name)") {
            if let period = PeriodFolder(name: name, path: "\(folder)/\(name)") {
                periods.append(period)
            } else {
                problems.append(Diagnostic(
                    at: SourceLocation(file: "\(folder)/\(name)"),
                    "'\(name)' is not a period folder name",
                    hint: "name period folders YYYY-MM (a month, e.g. 2022-06) or YYYY-MM-DD (the period's last day, e.g. 2022-06-09)"))
            }
        }
        var dates: [String: SeriesTimeline.StatedDates] = [:]
        for folder in periods {
            do { dates[folder.name] = try statedDates(in: folder, files: files) } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return Series(config: config, periods: try SeriesTimeline.order(periods, dates: dates, onset: config.onset))
    }

    /// The dates in a period's front matter, read ahead of the report so that the series can be
    /// put in order before any report is rendered.
    private static func statedDates(in folder: PeriodFolder, files: ContentFiles) throws(DiagnosticError) -> SeriesTimeline.StatedDates {
        let file = "\(folder.path)/report.md"
        guard let bytes = try files.readIfPresent(file) else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: folder.path), "the period folder has no report.md",
                hint: "add report.md with front matter and the narrative; `sitrep new` starts one from the previous period"))
        }
        let frontMatter = try FrontMatter.yaml(ofReport: bytes, file: file)
        if let dates = SeriesTimeline.StatedDates(simpleFrontMatter: frontMatter.text) { return dates }
        let yaml = try YAMLNode.parse(frontMatter.text, file: file, lineOffset: frontMatter.lineOffset)
        var dates = SeriesTimeline.StatedDates()
        if let node = yaml["period"] {
            try node.checkKeys(["start", "end"], in: "period")
            dates.start = try node["start"].map { value throws(DiagnosticError) in try value.day("period start") }
            dates.end = try node["end"].map { value throws(DiagnosticError) in try value.day("period end") }
        }
        dates.asOf = try yaml["as_of"].map { value throws(DiagnosticError) in try value.day("as_of") }
        return dates
    }

    /// The series with this slug.
    public func series(named slug: String) -> Series? {
        series.first { $0.config.slug == slug }
    }
}
