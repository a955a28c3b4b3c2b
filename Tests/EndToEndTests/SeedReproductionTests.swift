import Foundation
import XCTest

/// Builds the example project with the real executable and checks that the report page says
/// what the seed report (IOM Belarus, 27 May – 9 June 2022) says, figure for figure.
final class SeedReproductionTests: XCTestCase {
    /// The example, copied and built once for the whole class.
    private struct Built {
        var project: URL
        var output: URL { project.appendingPathComponent("output") }
        var run: SitrepRun
        var reportHTML: String
        var reportText: String
    }

    private static let shared = ClassFixture<Built> { [$0.project] }

    override class func setUp() {
        super.setUp()
        shared.make {
            let project = try SitrepProcess.copyExample()
            let run = try SitrepProcess.run(["build"], in: project)
            let html = (try? SitrepProcess.read("output/belarus/2022-06/index.html", in: project)) ?? ""
            return Built(project: project, run: run, reportHTML: html,
                         reportText: SitrepProcess.visibleText(ofHTML: html))
        }
    }

    override class func tearDown() {
        shared.remove()
        super.tearDown()
    }

    private func built() throws -> Built {
        let built = try Self.shared.get()
        XCTAssertEqual(built.run.status, 0, "\(built.run)")
        return built
    }

    private func temporaryFolder() throws -> URL {
        let folder = try SitrepProcess.temporaryFolder()
        addTeardownBlock { SitrepProcess.remove(folder) }
        return folder
    }

    // MARK: The build

    func testBuildSucceedsQuietly() throws {
        let built = try built()
        XCTAssertTrue(built.run.stdout.hasPrefix("wrote "), built.run.stdout)
        XCTAssertEqual(built.run.stderr, "", "the example should build without warnings")
    }

    func testOutputHasEveryPage() throws {
        let built = try built()
        SitrepProcess.assertHasRequiredFiles(try SitrepProcess.snapshot(of: built.output))
        for page in ["index.html", "belarus/index.html", "belarus/2022-06/index.html"] {
            let html = try SitrepProcess.read(page, in: built.output)
            XCTAssertTrue(html.hasPrefix("<!doctype html>"), page)
            XCTAssertTrue(html.contains("</html>"), page)
        }
        // No staging folder is left beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: built.project.path)
        XCTAssertEqual(siblings.filter { $0.contains("staging") }, [])
    }

    func testNoScriptAnywhere() throws {
        let built = try built()
        for (path, data) in try SitrepProcess.snapshot(of: built.output) {
            guard let data else { continue }
            XCTAssertFalse(String(decoding: data, as: UTF8.self).lowercased().contains("<script"), path)
        }
    }

    func testFiguresJSON() throws {
        let built = try built()
        let data = try Data(contentsOf: built.output.appendingPathComponent("belarus/2022-06/figures.json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(root["series"] as? String, "belarus")
        XCTAssertEqual(root["period"] as? String, "2022-06")
        XCTAssertEqual(root["start"] as? String, "2022-05-27")
        XCTAssertEqual(root["end"] as? String, "2022-06-09")
        let figures = try XCTUnwrap(root["figures"] as? [String: Any])
        XCTAssertEqual((figures["arrivals.total"] as? NSNumber)?.intValue, 32322)
        XCTAssertEqual((figures["arrivals.nationality.Ukraine"] as? NSNumber)?.intValue, 31176)
        XCTAssertEqual((figures["avrr.total"] as? NSNumber)?.intValue, 533)
        XCTAssertEqual((figures["avrr.sex.male"] as? NSNumber)?.intValue, 378)
        XCTAssertEqual((figures["avrr.sex.female"] as? NSNumber)?.intValue, 155)
        XCTAssertEqual((figures["avrr.age.child"] as? NSNumber)?.intValue, 132)
        XCTAssertEqual((figures["hotline.topic.Ukraine"] as? NSNumber)?.intValue, 381)
        XCTAssertEqual((figures["leaflets.disseminated"] as? NSNumber)?.intValue, 6000)
        XCTAssertEqual(figures["hotline.from"] as? String, "2022-02-24")
        XCTAssertEqual(figures["dtm.trainings.regions"] as? [String], ["Gomel", "Vitebsk", "Grodno", "Minsk", "Mogilev"])
        let share = try XCTUnwrap((figures["avrr.country.Iraq.share"] as? NSNumber)?.doubleValue)
        XCTAssertEqual(share, 398.0 / 533.0, accuracy: 1e-12)
    }

    // MARK: The seed's figures, each in its sentence

    /// Every sentence of the seed that carries a figure, as the page must show it.
    static let seedSentences = [
        "Since 24 February, 32,322 people have entered the country (902 Belarusians, 31,176 Ukrainians, and 244 third country nationals), as reported by the State Border Committee of Belarus.",
        "Additionally, 6,000 leaflets on IOM’s assistance to people fleeing Ukraine have been disseminated across the country.",
        "Two IOM field staff members continue to work at the IOM project site in Gomel and one local staff member works in Grodno region.",
        "In the reporting period, IOM directly assessed the needs and vulnerabilities of 228 Ukraine nationals and third country nationals fleeing Ukraine.",
        "In total, since the onset of the invasion, IOM completed needs assessments of 343 people.",
        "In total, 49 food kits and 50 hygiene kits were distributed to beneficiaries and clothes were procured and delivered to 24 people.",
        "Six beneficiaries were provided with transportation support required to carry out bureaucratic procedures for their employment.",
        "Vouchers for medications were provided to 22 people, including Ukrainian refugees and migrants.",
        "Psychosocial support was provided to 10 people and 7 people were provided with consultations.",
        "Seven hygiene kits and seven food kits were given to the stranded migrants in Grodno region.",
        "IOM has been working with three migrant referral pathways to protection services",
        "This includes micro-business and entrepreneurship courses (one beneficiary assisted); assistance with payment of special employment permits in compliance with Belarusian legislation (20 refugees assisted); legal assistance/counselling (two refugees assisted).",
        "One refugee started vocational training in machine control with the support of IOM.",
        "Two more employment support cases are currently in the pipeline, with relevant training contracts being revised.",
        "As of 9 June, IOM Belarus has provided AVRR support to 533 migrants (378 males and 155 females), including 132 children, in 2022.",
        "The number of Iraqi beneficiaries has been decreasing recently but still accounts for the highest share of the returnees (74.7 per cent).",
        "At the same time there has been an increase in the number of Cuban citizens contacting IOM for voluntary return assistance (9 per cent).",
        "Other countries of origin of migrants returning through the AVRR programme include Sri Lanka, Guinea, Nigeria, Turkey, Ghana, Egypt, India, Russia, Cameroon, Somalia, Republic of Congo, Turkmenistan, Tajikistan, Pakistan, Democratic Republic of Congo, Burkina-Faso, Kyrgyzstan, Moldova, Iran, Kenya, Algeria, Georgia, and Norway.",
        "Within the reporting period, IOM Belarus provided AVRR services to one unaccompanied minor from Nigeria.",
        "IOM Belarus paid for an emergency surgery for one female applicant from Cuba who had a complicated leg fracture.",
        "As of 9 June, five kick-off regional trainings have been held for the enumerators in Gomel, Vitebsk, Grodno, Minsk and Mogilev, with the last training for Brest planned for 13 June.",
        "From 24 February to 6 June, the hotline received 381 requests for information on entry to, transit through, and exit from Belarus in connection with the war in Ukraine, which amounts to approximately 22.5 per cent of all consultations provided during this period.",
        "During the last week (31 May - 6 June), the number of Ukraine-related requests has significantly increased, amounting to 33.1 per cent of all the requests.",
        "Seven consultations on AVRR solutions were provided to migrants in collaboration with IOM Grodno local staff and seven hygiene and food kits were given to migrants.",
        "In Gomel, BMMW also provided consultations on best solutions for further movement to Ukrainian refugees, and 20 beneficiaries were referred by the NGO to IOM field staff in Gomel for further assistance.",
    ]

    func testEverySeedSentenceWithAFigureIsOnThePage() throws {
        let text = try built().reportText
        for sentence in Self.seedSentences {
            XCTAssertTrue(text.contains(sentence), "missing from the page: \(sentence)")
        }
    }

    /// The seed is a PDF extraction: joined up, each sentence above must be in it too (apart
    /// from the two typos the example fixes), so the list really is the seed's wording.
    func testSeedSentencesAreTheSeedsOwn() throws {
        let seedURL = URL(fileURLWithPath: "/work/shared/seeds/000_4b536456870028c9.txt")
        guard FileManager.default.fileExists(atPath: seedURL.path) else {
            throw XCTSkip("the seed file is not on this machine")
        }
        let seed = SitrepProcess.collapseWhitespace(String(decoding: try Data(contentsOf: seedURL), as: UTF8.self))
            .replacingOccurrences(of: "legis lation", with: "legislation")
            .replacingOccurrences(of: "A of 9 June", with: "As of 9 June")
        for sentence in Self.seedSentences {
            XCTAssertTrue(seed.contains(sentence), "not in the seed: \(sentence)")
        }
    }

    func testSeedFiguresInTheirPhrases() throws {
        let text = try built().reportText
        let phrases = [
            "Since 24 February, 32,322 people have entered the country (902 Belarusians, 31,176 Ukrainians, and 244 third country nationals)",
            "6,000 leaflets", "228 Ukraine nationals", "needs assessments of 343 people", "49 food kits and 50 hygiene kits",
            "delivered to 24 people", "Six beneficiaries were provided with transportation support",
            "Vouchers for medications were provided to 22 people",
            "Psychosocial support was provided to 10 people and 7 people were provided with consultations",
            "Seven hygiene kits and seven food kits were given", "(one beneficiary assisted)", "(20 refugees assisted)",
            "(two refugees assisted)", "One refugee started vocational training", "Two more employment support cases",
            "AVRR support to 533 migrants (378 males and 155 females), including 132 children, in 2022",
            "(74.7 per cent)", "(9 per cent)",
            "Sri Lanka, Guinea, Nigeria, Turkey, Ghana, Egypt, India, Russia, Cameroon, Somalia, Republic of Congo, Turkmenistan, Tajikistan, Pakistan, Democratic Republic of Congo, Burkina-Faso, Kyrgyzstan, Moldova, Iran, Kenya, Algeria, Georgia, and Norway",
            "received 381 requests", "approximately 22.5 per cent", "amounting to 33.1 per cent",
            "Seven consultations on AVRR solutions", "20 beneficiaries were referred",
        ]
        for phrase in phrases {
            XCTAssertTrue(text.contains(phrase), "missing from the page: \(phrase)")
        }
    }

    func testReportPageHeaderAndKeyFigures() throws {
        let text = try built().reportText
        XCTAssertTrue(text.contains("Belarus: response to the war in Ukraine"))
        XCTAssertTrue(text.contains("Reporting period 27 May – 9 June 2022"), text)
        XCTAssertTrue(text.contains("Data as of 9 June 2022"))
        XCTAssertTrue(text.contains("Office IOM Belarus"))
        XCTAssertTrue(text.contains("Key figures 32,322 people entered Belarus since 24 February"), text)
        for keyFigure in ["228 people assessed in the period", "533 migrants assisted to return in 2022",
                          "381 hotline requests related to Ukraine"] {
            XCTAssertTrue(text.contains(keyFigure), keyFigure)
        }
        // Narrative the example leaves out of the page, and placeholders that were all filled.
        XCTAssertFalse(text.contains("Funded by the European Union"))
        XCTAssertFalse(text.contains("{{"))
        XCTAssertFalse(text.contains("}}"))
    }

    func testTablesOnThePage() throws {
        let text = try built().reportText
        XCTAssertTrue(text.contains("Nationality Total Share Ukraine 31,176 96.5% Belarus 902 2.8% Third countries 244 0.8% Total 32,322 100.0%"))
        XCTAssertTrue(text.contains("Country Male Female Total Share Iraq 272 126 398 74.7% Cuba 30 18 48 9.0%"))
        XCTAssertTrue(text.contains("Other (15) 26 3 29 5.4% Total 378 155 533 100.0%"))
        XCTAssertTrue(text.contains("Item Gomel Minsk Grodno Total Hygiene kit 36 7 7 50 Food kit 35 7 7 49"))
    }

    func testSeriesAndHomePages() throws {
        let built = try built()
        let series = SitrepProcess.visibleText(ofHTML: try SitrepProcess.read("belarus/index.html", in: built.output))
        XCTAssertTrue(series.contains("Belarus — response to the war in Ukraine"))
        XCTAssertTrue(series.contains("27 May – 9 June 2022"))
        XCTAssertTrue(series.contains("32,322 people entered Belarus since 24 February"))
        let home = try SitrepProcess.read("index.html", in: built.output)
        XCTAssertTrue(SitrepProcess.visibleText(ofHTML: home).contains("IOM situation reports"))
        XCTAssertTrue(home.contains("href=\"belarus/index.html\""))
        XCTAssertTrue(home.contains("href=\"belarus/2022-06/index.html\""))
        XCTAssertTrue(try SitrepProcess.read("belarus/2022-06/index.html", in: built.output)
            .contains("href=\"../../assets/sitrep.css\""))
    }

    // MARK: Reproducible output

    func testTwoBuildsAreByteIdenticalWhateverTheTimeZoneAndLanguage() throws {
        let built = try built()
        let first = try temporaryFolder().appendingPathComponent("first")
        let second = try temporaryFolder().appendingPathComponent("second")
        let runFirst = try SitrepProcess.run(["build", "--project", built.project.path, "--output", first.path],
                                             in: built.project, environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": nil])
        XCTAssertEqual(runFirst.status, 0, "\(runFirst)")
        let runSecond = try SitrepProcess.run(["build", "--output", second.path], in: built.project, environment: [
            "TZ": "Pacific/Kiritimati", "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8",
        ])
        XCTAssertEqual(runSecond.status, 0, "\(runSecond)")
        let a = try SitrepProcess.snapshot(of: first)
        SitrepProcess.assertHasRequiredFiles(a)
        SitrepProcess.assertSameTree(a, try SitrepProcess.snapshot(of: second))
        // And the class's own build (default environment, default output folder) is the same too.
        SitrepProcess.assertSameTree(a, try SitrepProcess.snapshot(of: built.output))
    }

    func testRebuildInPlaceGivesTheSameTree() throws {
        let built = try built()
        let project = try SitrepProcess.copy(built.project)
        addTeardownBlock { SitrepProcess.remove(project) }
        let before = try SitrepProcess.snapshot(of: project.appendingPathComponent("output"))
        // Without the manifest, the build renders every page again (it would otherwise find
        // the output up to date and write nothing, and the trees would be the same trivially).
        try FileManager.default.removeItem(at: project.appendingPathComponent(".output.sitrep-manifest"))
        let run = try SitrepProcess.run(["build"], in: project, environment: ["TZ": "Pacific/Kiritimati", "LANG": "ru_RU.UTF-8"])
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(run.stdout.contains("wrote "), "\(run)")
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project.appendingPathComponent("output")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted(),
                       [".output.sitrep-manifest", "content", "output", "sitrep.yml", "templates"])
    }

    func testProjectOptionFromAnotherFolder() throws {
        let built = try built()
        let elsewhere = try temporaryFolder()
        let out = elsewhere.appendingPathComponent("site")
        let run = try SitrepProcess.run(["build", "--project", built.project.path, "-o", out.path], in: elsewhere)
        XCTAssertEqual(run.status, 0, "\(run)")
        SitrepProcess.assertSameTree(try SitrepProcess.snapshot(of: built.output), try SitrepProcess.snapshot(of: out))
    }
}
