import ArgumentParser
import Foundation
import SitrepSite

/// `sitrep build`: render the whole site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render every report into the output folder.",
        discussion: """
            The folder is replaced only when every page rendered; after an error it is left as it was. \
            It must be a folder sitrep made, an empty one or a new one: any other path is refused and left as it was. \
            CNAME, .nojekyll and .git in it are kept.
            """)

    @OptionGroup var options: ProjectOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the site (default: output/ in the project).", valueName: "path"))
    var output: String?

    @Flag(help: "Write nothing; exit 1 and list the differences when the output folder is not what a build would write.")
    var check = false

    @Flag(help: "Also make a PDF of each report (needs WeasyPrint; `pdf: true` in sitrep.yml does the same).")
    var pdf = false

    func run() throws {
        try Self.run(project: options.project, output: output, check: check, pdf: pdf)
    }

    /// The command's work, given its options: also called by `Sitrep.main` for a command line
    /// that `PlainBuildCommandLine` read without the parser.
    static func run(project: String, output: String?, check: Bool, pdf: Bool) throws {
        let destination = output ?? project + "/output"
        if check {
            let (stale, summary) = try SiteBuilder.compare(projectRoot: project, output: destination, pdf: pdf)
            Console.report(summary.warnings)
            if stale.isCurrent {
                print(summary.upToDate ? "\(destination) is up to date (nothing changed since the last build)"
                                       : "\(destination) is up to date (\(summary.files) files)")
                return
            }
            for path in stale.changed { print("changed  \(path)") }
            for path in stale.added { print("new      \(path)") }
            for path in stale.removed { print("removed  \(path)") }
            if !pdf, stale.removed.contains(where: { $0.hasSuffix(".pdf") }) {
                // The site was built with PDFs: without --pdf, the build compared would remove them.
                Console.error("\(destination) is out of date: run `sitrep build`; it has PDFs, which a build "
                              + "without them removes: `sitrep build --check --pdf` compares them too")
            } else {
                Console.error("\(destination) is out of date: run `sitrep build\(pdf ? " --pdf" : "")`")
            }
            throw ExitCode.failure
        }
        let summary: SiteBuilder.Summary
        do {
            summary = try SiteBuilder.build(projectRoot: project, output: destination, pdf: pdf)
        } catch {
            Console.report(error.diagnostics, consequence: "nothing was written; \(destination) was left as it was")
            throw ExitCode.failure
        }
        Console.report(summary.warnings)
        if summary.upToDate {
            print("\(destination) is up to date: nothing changed since the last build")
        } else {
            let kept = summary.keptSeries == 0 ? "" : "; \(summary.keptSeries) series kept as they were"
            print("wrote \(summary.files) files to \(destination) (\(summary.unchanged) unchanged\(kept))")
        }
    }
}

/// `sitrep check`: validate without writing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check all content and templates; write nothing.")

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let summary = try SiteBuilder.check(projectRoot: options.project)
        Console.report(summary.warnings)
        print("ok: \(summary.files) files would be written")
    }
}

/// `sitrep figures SERIES/PERIOD`: list one report's figures.
struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "List every figure of one report and its value.",
        discussion: "Placeholders in report.md use these names, e.g. {{ arrivals.total }}.")

    @OptionGroup var options: ProjectOptions

    @Argument(help: ArgumentHelp("The report, as SERIES/PERIOD (e.g. belarus/2022-06).", valueName: "series/period"))
    var report: String

    @Flag(help: "Print JSON (the same as the report's figures.json).")
    var json = false

    func validate() throws {
        let parts = report.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw ValidationError("'\(report)' does not name a report: write SERIES/PERIOD, e.g. belarus/2022-06")
        }
    }

    func run() throws {
        let figures = try SiteBuilder.figures(projectRoot: options.project, report: report)
        print(json ? figures.json : figures.table, terminator: "")
    }
}
