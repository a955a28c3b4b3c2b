import Foundation
import XCTest

/// Layouts are compiled against the pages' typed data when a build starts, and the front
/// matter's labels and notes are filled like the narrative: what a user sees, end to end.
final class LayoutCheckTests: XCTestCase {
    private var project: URL!
    static let report = "content/belarus/2022-06/report.md"

    override func setUpWithError() throws { project = try SitrepProcess.copyExample() }
    override func tearDownWithError() throws { SitrepProcess.remove(project) }

    func testAnUnknownFieldInAUsersFooterIsLocatedAndNothingIsWritten() throws {
        try SitrepProcess.edit("templates/partials/footer.mustache", in: project, replacing: "{{t.generatedBy}}", with: "{{t.generatedBx}}")
        let before = try SitrepProcess.snapshot(of: project)
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains("templates/partials/footer.mustache:7:23: error: no field 't.generatedBx'; did you mean 't.generatedBy'?"),
                      "\(run)")
        XCTAssertTrue(run.stderr.contains("hint: docs/templates.md lists the fields each layout receives"), "\(run)")
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project), "a failed build changed the project:")
    }

    func testAnOfficeGuardRendersOnlyWhenTheSeriesHasAnOffice() throws {
        try SitrepProcess.edit("templates/partials/footer.mustache", in: project, replacing: "</footer>",
                               with: "{{#series.office}}<p class=\"office\">Office: {{series.office}}</p>{{/series.office}}</footer>")
        // The home page has no `series.office`: the footer is included there too, so it must be an error there.
        var run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "the home page's series is a list: \(run)")
        try SitrepProcess.edit("templates/partials/footer.mustache", in: project,
                               replacing: "{{#series.office}}<p class=\"office\">Office: {{series.office}}</p>{{/series.office}}",
                               with: "")
        let guarded = "{{#series.office}}<p class=\"office\">Office: {{series.office}}</p>{{/series.office}}"
            + "{{^series.office}}<p class=\"office\">No office</p>{{/series.office}}"
        try Data(("{{> head}}\n" + guarded + "\n").utf8).write(to: project.appendingPathComponent("templates/series.mustache"))
        run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(try SitrepProcess.read("output/belarus/index.html", in: project).contains("<p class=\"office\">Office: IOM Belarus</p>"))
        try SitrepProcess.edit("content/belarus/series.yml", in: project, replacing: "office: IOM Belarus\n", with: "")
        run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(try SitrepProcess.read("output/belarus/index.html", in: project).contains("<p class=\"office\">No office</p>"))
    }

    func testPlaceholdersInKeyFigureLabelsAndNotesAreFilled() throws {
        try SitrepProcess.edit(Self.report, in: project,
                               replacing: "label: people entered Belarus since 24 February}",
                               with: "label: \"people entered Belarus since {{ series.onset | date: short }} <b>\"}")
        try SitrepProcess.edit(Self.report, in: project, replacing: "as_of: 2022-06-09\n",
                               with: "as_of: 2022-06-09\nnotes:\n  - Figures as of {{ period.as_of | date }}, {{ avrr.total | words }} returns.\n")
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        let page = try SitrepProcess.read("output/belarus/2022-06/index.html", in: project)
        XCTAssertTrue(page.contains("<span class=\"figure-label\">people entered Belarus since 24 February &lt;b&gt;</span>"), page)
        XCTAssertTrue(page.contains("<li>Figures as of 9 June 2022, "), page)
        XCTAssertFalse(page.contains("{{"), "raw braces were published")
        XCTAssertFalse(try SitrepProcess.read("output/belarus/index.html", in: project).contains("{{"))
    }

    func testAnUnknownFigureInALabelOrANoteIsLocated() throws {
        try SitrepProcess.edit(Self.report, in: project,
                               replacing: "label: people entered Belarus since 24 February}",
                               with: "label: \"people entered since {{ series.onsett }}\"}")
        try SitrepProcess.edit(Self.report, in: project, replacing: "as_of: 2022-06-09\n",
                               with: "as_of: 2022-06-09\nnotes: \"Kept {{ arrivals.totl\"\n")
        let before = try SitrepProcess.snapshot(of: project)
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        // `  - {figure: arrivals.total, label: "` is 37 characters: the label's text starts at column 38.
        XCTAssertTrue(run.stderr.contains("\(Self.report):7:62: error: no figure is called 'series.onsett'"), "\(run)")
        XCTAssertTrue(run.stderr.contains("did you mean 'series.onset'?"), "\(run)")
        XCTAssertTrue(run.stderr.contains("\(Self.report):5:14: error: this placeholder is not closed"), "\(run)")
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project), "a failed build changed the project:")
    }
}
