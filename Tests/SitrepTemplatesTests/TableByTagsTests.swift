import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures
@testable import SitrepTemplates

/// A table whose header is in Spanish, named by its HXL hashtags (`names: hxl`) and read wide
/// (`values:`), addressed in a narrative as content.md documents it.
final class TableByTagsTests: XCTestCase {
    private let csv = """
        País,Hombres,Mujeres,Total
        #country+name,#affected+m,#affected+f,#affected+total
        Ucrania,30,50,80
        Moldavia,15,5,20

        """

    private func renderer() throws -> NarrativeRenderer {
        let seriesYAML = """
            title: T
            tables:
              arrivals:
                names: hxl
                values: {sex: {hombre: "#affected+m", mujer: "#affected+f"}}
                ignore: [Total]
            """
        let series = try SeriesConfig(slug: "t", file: "series.yml", yaml: YAMLNode.parse(seriesYAML, file: "series.yml"))
        let document = try CSVReader.read(Array(csv.utf8), file: "r/arrivals.csv")
        let table = try Table(name: "arrivals", source: document, declaration: series.declaration(for: "arrivals"))
        let day = Day(year: 2022, month: 6, day: 1)!
        let report = Report(folder: "2022-06", title: "T", period: Period(start: day, end: day.endOfMonth),
                            narrativeFile: "r/report.md", tables: [table])
        return NarrativeRenderer(figures: try FigureComputer.figures(for: report, in: series), tables: [table],
                                 style: LocaleStyle.named("en")!)
    }

    func testPlaceholdersNameTheColumnsByTheirTags() throws {
        let html = try renderer().render(
            "{{ arrivals.country+name.Ucrania }} from Ukraine, {{ arrivals.sex.mujer.share | percent }} women, "
                + "{{ arrivals.country+name.Moldavia.sex.hombre }} men from Moldova, {{ arrivals.total }} in all.",
            file: "r/report.md", lineOffset: 0).html
        XCTAssertEqual(html, "<p>80 from Ukraine, 55.0 per cent women, 15 men from Moldova, 100 in all.</p>\n")
    }

    func testATableBlockCrossesTheTaggedColumns() throws {
        let html = try renderer().render("```sitrep-table\ntable: arrivals\nrows: country+name\ncolumns: sex\n```\n",
                                         file: "r/report.md", lineOffset: 0).html
        for cell in [">Ucrania<", ">Moldavia<", ">Hombre<", ">Mujer<", ">50<", ">100<"] {
            XCTAssertTrue(html.contains(cell), "\(cell) in \(html)")
        }
    }
}
