import Foundation
import XCTest

/// Changes one value in a data file, rebuilds with the real executable and checks that every
/// figure that depends on it changed on the page, in figures.json and on the archive pages.
/// Expected values are computed here from the changed CSV, not typed in.
final class DataChangeTests: XCTestCase {
    private static let period = "content/belarus/2022-06"

    /// A fresh copy of the example with `change` applied, built; its page text and figures.
    private struct Rebuilt {
        var project: URL
        var run: SitrepRun
        var html: String
        var text: String
        var seriesText: String
        var figures: [String: Any]

        func csv(_ name: String) throws -> SimpleCSV {
            SimpleCSV(try SitrepProcess.read("\(DataChangeTests.period)/\(name).csv", in: project))
        }

        func number(_ name: String) -> Int? { (figures[name] as? NSNumber)?.intValue }
    }

    private func rebuild(_ change: (URL) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws -> Rebuilt {
        let project = try SitrepProcess.copyExample()
        addTeardownBlock { SitrepProcess.remove(project) }
        try change(project)
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)", file: file, line: line)
        let html = try SitrepProcess.read("output/belarus/2022-06/index.html", in: project)
        let json = try Data(contentsOf: project.appendingPathComponent("output/belarus/2022-06/figures.json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any], file: file, line: line)
        return Rebuilt(project: project, run: run, html: html, text: SitrepProcess.visibleText(ofHTML: html),
                       seriesText: SitrepProcess.visibleText(ofHTML: try SitrepProcess.read("output/belarus/index.html", in: project)),
                       figures: try XCTUnwrap(root["figures"] as? [String: Any], file: file, line: line))
    }

    private func assertContains(_ text: String, _ phrase: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(text.contains(phrase), "the page does not say: \(phrase)", file: file, line: line)
    }

    /// Countries by total, largest first; ties keep the order of the CSV (as the report does).
    private func ranked(_ csv: SimpleCSV, by column: String) -> [(name: String, total: Int)] {
        let names = csv.values(of: column)
        return names.enumerated()
            .map { (index: $0.offset, name: $0.element, total: csv.sum([column: $0.element])) }
            .sorted { $0.total != $1.total ? $0.total > $1.total : $0.index < $1.index }
            .map { ($0.name, $0.total) }
    }

    // MARK: AVRR

    func testIraqAdultMalesPlusTen() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/avrr.csv", in: project, replacing: "Iraq,male,adult,206\n", with: "Iraq,male,adult,216\n")
        }
        let avrr = try rebuilt.csv("avrr")
        let total = avrr.sum()
        let males = avrr.sum(["sex": "male"])
        let females = avrr.sum(["sex": "female"])
        let children = avrr.sum(["age": "child"])
        let iraq = avrr.sum(["country": "Iraq"])
        let cuba = avrr.sum(["country": "Cuba"])
        // The values the brief names, as a check on the arithmetic above.
        XCTAssertEqual([total, males, females, children, iraq], [543, 388, 155, 132, 408])
        XCTAssertEqual(SitrepProcess.percent(iraq, of: total, decimals: 1), "75.1")

        let text = rebuilt.text
        assertContains(text, "IOM Belarus has provided AVRR support to \(SitrepProcess.grouped(total)) migrants "
                       + "(\(SitrepProcess.grouped(males)) males and \(SitrepProcess.grouped(females)) females), "
                       + "including \(SitrepProcess.grouped(children)) children, in 2022.")
        assertContains(text, "highest share of the returnees (\(SitrepProcess.percent(iraq, of: total, decimals: 1)) per cent).")
        assertContains(text, "voluntary return assistance (\(SitrepProcess.percent(cuba, of: total, decimals: 0)) per cent).")
        let others = ranked(avrr, by: "country").dropFirst(2).map(\.name)
        assertContains(text, "Other countries of origin of migrants returning through the AVRR programme include "
                       + others.dropLast().joined(separator: ", ") + ", and " + others.last! + ".")

        // Key figure, on the report page and in the series archive, with its change on the
        // previous report (whose avrr.csv also counts the year to date).
        let previous = SimpleCSV(try SitrepProcess.read("content/belarus/2022-05-26/avrr.csv", in: rebuilt.project)).sum()
        let key = "\(SitrepProcess.grouped(total)) migrants assisted to return in 2022 "
            + "(+\(SitrepProcess.grouped(total - previous)) on the previous report)"
        assertContains(text, key)
        XCTAssertTrue(rebuilt.seriesText.contains(key), rebuilt.seriesText)

        // The AVRR table: Iraq's row, and the totals row.
        let iraqMales = avrr.sum(["country": "Iraq", "sex": "male"])
        let iraqFemales = avrr.sum(["country": "Iraq", "sex": "female"])
        assertContains(text, "Iraq \(iraqMales) \(iraqFemales) \(iraq) \(SitrepProcess.percent(iraq, of: total, decimals: 1))%")
        assertContains(text, "Cuba \(avrr.sum(["country": "Cuba", "sex": "male"])) \(avrr.sum(["country": "Cuba", "sex": "female"])) \(cuba) \(SitrepProcess.percent(cuba, of: total, decimals: 1))%")
        assertContains(text, "Total \(males) \(females) \(total) 100.0%")

        // figures.json.
        XCTAssertEqual(rebuilt.number("avrr.total"), total)
        XCTAssertEqual(rebuilt.number("avrr.sex.male"), males)
        XCTAssertEqual(rebuilt.number("avrr.country.Iraq"), iraq)
        XCTAssertEqual(rebuilt.number("avrr.country.Iraq.sex.male"), iraqMales)
        XCTAssertEqual((rebuilt.figures["avrr.country.Iraq.share"] as? NSNumber)?.doubleValue ?? 0,
                       Double(iraq) / Double(total), accuracy: 1e-12)

        // The old figures are gone; unrelated figures are as before.
        XCTAssertFalse(text.contains("533 migrants"))
        XCTAssertFalse(text.contains("74.7 per cent"))
        XCTAssertFalse(text.contains("378 males"))
        assertContains(text, "Since 24 February, 32,322 people have entered the country")
        assertContains(text, "approximately 22.5 per cent")
    }

    func testACountryOvertakingOthersMovesUpTheList() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/avrr.csv", in: project, replacing: "Norway,male,adult,1", with: "Norway,male,adult,20")
        }
        let avrr = try rebuilt.csv("avrr")
        let ranking = ranked(avrr, by: "country")
        XCTAssertEqual(ranking.prefix(3).map(\.name), ["Iraq", "Cuba", "Norway"])
        let total = avrr.sum()
        let others = ranking.dropFirst(2).map(\.name)
        let text = rebuilt.text
        assertContains(text, "include " + others.dropLast().joined(separator: ", ") + ", and " + others.last! + ".")
        assertContains(text, "AVRR support to \(total) migrants (\(avrr.sum(["sex": "male"])) males")
        let iraq = avrr.sum(["country": "Iraq"])
        let cuba = avrr.sum(["country": "Cuba"])
        assertContains(text, "(\(SitrepProcess.percent(iraq, of: total, decimals: 1)) per cent)")
        assertContains(text, "(\(SitrepProcess.percent(cuba, of: total, decimals: 0)) per cent)")
        // Third row of the table (top 10, by total).
        assertContains(text, "Cuba 30 18 48 \(SitrepProcess.percent(48, of: total, decimals: 1))% Norway 20 0 20 "
                       + "\(SitrepProcess.percent(20, of: total, decimals: 1))% Sri Lanka")
        XCTAssertEqual(rebuilt.figures["avrr.country.top2.other.list"] as? [String], others)
    }

    // MARK: Arrivals

    func testArrivalsChangeTotalsSharesAndKeyFigure() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/arrivals.csv", in: project, replacing: "Ukraine,31176", with: "Ukraine,41176")
        }
        let arrivals = try rebuilt.csv("arrivals")
        let total = arrivals.sum()
        let belarus = arrivals.sum(["nationality": "Belarus"])
        let ukraine = arrivals.sum(["nationality": "Ukraine"])
        let third = arrivals.sum(["nationality": "Third countries"])
        let g = SitrepProcess.grouped
        let text = rebuilt.text
        assertContains(text, "Since 24 February, \(g(total)) people have entered the country (\(g(belarus)) Belarusians, "
                       + "\(g(ukraine)) Ukrainians, and \(g(third)) third country nationals)")
        assertContains(text, "\(g(total)) people entered Belarus since 24 February")
        XCTAssertTrue(rebuilt.seriesText.contains("\(g(total)) people entered Belarus since 24 February"))
        let p = { (part: Int) in SitrepProcess.percent(part, of: total, decimals: 1) + "%" }
        assertContains(text, "Nationality Total Share Ukraine \(g(ukraine)) \(p(ukraine)) Belarus \(g(belarus)) \(p(belarus)) "
                       + "Third countries \(g(third)) \(p(third)) Total \(g(total)) 100.0%")
        XCTAssertEqual(rebuilt.number("arrivals.total"), total)
        XCTAssertFalse(text.contains("32,322"))
    }

    // MARK: Hotline

    func testHotlineSharesFollowTheCounts() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/hotline.csv", in: project, replacing: "last,Ukraine,47", with: "last,Ukraine,60")
        }
        let hotline = try rebuilt.csv("hotline")
        let ukraine = hotline.sum(["topic": "Ukraine"])
        let all = hotline.sum()
        let lastUkraine = hotline.sum(["week": "last", "topic": "Ukraine"])
        let lastAll = hotline.sum(["week": "last"])
        let text = rebuilt.text
        assertContains(text, "the hotline received \(SitrepProcess.grouped(ukraine)) requests for information")
        assertContains(text, "which amounts to approximately \(SitrepProcess.percent(ukraine, of: all, decimals: 1)) per cent of all consultations")
        assertContains(text, "amounting to \(SitrepProcess.percent(lastUkraine, of: lastAll, decimals: 1)) per cent of all the requests")
        assertContains(text, "\(SitrepProcess.grouped(ukraine)) hotline requests related to Ukraine")
        XCTAssertFalse(text.contains("22.5 per cent"))
        XCTAssertFalse(text.contains("33.1 per cent"))
    }

    // MARK: Numbers in words

    func testWordsFilterFollowsTheCount() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/distributions.csv", in: project, replacing: "Transport,Gomel,4", with: "Transport,Gomel,7")
        }
        let transport = try rebuilt.csv("distributions").sum(["item": "Transport"])
        XCTAssertEqual(transport, 9)
        assertContains(rebuilt.text, "\(SitrepProcess.words(transport, capitalized: true)) beneficiaries were provided with transportation support")
        XCTAssertEqual(rebuilt.run.stderr, "")
    }

    func testTenOrMoreAtASentenceStartPrintsDigitsAndWarns() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/distributions.csv", in: project, replacing: "Transport,Gomel,4", with: "Transport,Gomel,10")
        }
        let transport = try rebuilt.csv("distributions").sum(["item": "Transport"])
        assertContains(rebuilt.text, "\(transport) beneficiaries were provided with transportation support")
        XCTAssertEqual(rebuilt.run.status, 0)
        XCTAssertTrue(rebuilt.run.stderr.contains("content/belarus/2022-06/report.md:54: warning: a sentence starts with the figure"),
                      rebuilt.run.stderr)
        XCTAssertTrue(rebuilt.run.stderr.contains("(\(transport))"), rebuilt.run.stderr)
    }

    // MARK: figures.yml

    func testStatedFigureChange() throws {
        let rebuilt = try rebuild { project in
            try SitrepProcess.edit("\(Self.period)/figures.yml", in: project, replacing: "disseminated: 6000", with: "disseminated: 12500")
            try SitrepProcess.edit("\(Self.period)/figures.yml", in: project, replacing: "  gomel: 2", with: "  gomel: 3")
        }
        assertContains(rebuilt.text, "Additionally, 12,500 leaflets on IOM’s assistance")
        assertContains(rebuilt.text, "Three IOM field staff members continue to work")
        XCTAssertEqual(rebuilt.number("leaflets.disseminated"), 12500)
    }
}
