import ArgumentParser
import Foundation
import SitrepContent
import SitrepSite

/// `sitrep new SERIES PERIOD`: start the next period of a series from its latest one.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start the next period of a series from its latest one.",
        discussion: """
            Creates content/SERIES/PERIOD with report.md (dates set, narrative kept), the cumulative \
            tables copied, the other tables reduced to their header, and figures.yml with every value \
            blanked, so that `sitrep check` fails until each number of the new period is filled in. \
            An existing folder is never overwritten.
            """)

    @OptionGroup var options: ProjectOptions

    @Argument(help: ArgumentHelp("The series: its folder in content/ (e.g. belarus).", valueName: "series"))
    var series: String

    @Argument(help: ArgumentHelp("The new period's folder name: YYYY-MM for a month (e.g. 2022-07), or YYYY-MM-DD for a period ending that day.",
                                 valueName: "period"))
    var period: String

    func validate() throws {
        if let problem = NewPeriod.periodNameProblem(period) {
            throw ValidationError(problem.message + (problem.hint.map { "\nhint: \($0)" } ?? ""))
        }
    }

    func run() throws {
        let created: NewPeriod.Created
        do {
            created = try NewPeriod.start(projectRoot: options.project, series: series, period: period)
        } catch {
            Console.report(error.diagnostics, consequence: "nothing was written")
            throw ExitCode.failure
        }
        let project = options.project.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" })
            ? "'" + options.project.replacingOccurrences(of: "'", with: "'\\''") + "'" : options.project
        let check = options.project == "." ? "sitrep check" : "sitrep check --project \(project)"
        print(created.summary(checkCommand: check), terminator: "")
    }
}
