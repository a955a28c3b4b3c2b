import SitrepDiagnostics
import XCTest

@testable import SitrepSite

/// Partials are checked when the layouts are loaded: one that does not exist, or that includes
/// itself directly or through others, is an error at its tag, never a crash or an empty string.
final class PartialGraphTests: XCTestCase {
    private func problems(_ templates: [String: String]) -> [String] {
        let sources = Dictionary(uniqueKeysWithValues: templates.map { ($0.key, (text: $0.value, file: "templates/partials/\($0.key).mustache")) })
        do {
            _ = try LayoutSet(templates: sources)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func testACycleThroughAnotherPartialNamesEveryStep() {
        let found = problems(["a": "A\n\n{{> b}}\n", "b": "B\n    {{>a}}\n"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix(
            "templates/partials/a.mustache:3:1: error: the partial 'a' includes itself through 'b' (templates/partials/b.mustache:2:5)") == true,
            "\(found)")
    }

    func testAPartialIncludingItselfAndALongerCycle() {
        XCTAssertTrue(problems(["a": "x {{> a }}"]).first?.hasPrefix(
            "templates/partials/a.mustache:1:3: error: the partial 'a' includes itself\n") == true)
        let found = problems(["c": "{{> d}}", "d": "{{#x}}{{> e}}{{/x}}", "e": "{{> c}}"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("c.mustache:1:1: error: the partial 'c' includes itself through 'd' "
                                            + "(templates/partials/d.mustache:1:7), then 'e' (templates/partials/e.mustache:1:1)") == true, "\(found)")
    }

    func testACycleThroughABuiltInLayoutIsFound() {
        // The built-in report layout includes the footer.
        let found = problems(["footer": "{{> report}}"])
        XCTAssertTrue(found.contains { $0.contains("the partial 'footer' includes itself through 'report'") }, "\(found)")
    }

    func testSetDelimiterTagsAreFollowed() {
        let found = problems(["a": "{{=<% %>=}}\n<%> a %>\n{{> nothing}}"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/a.mustache:2:1: error: the partial 'a' includes itself") == true, "\(found)")
        XCTAssertEqual(problems(["a": "{{=| |=}}|> footer|"]), [])
        // swift-mustache keeps delimiters set inside a section until the section's end only.
        XCTAssertTrue(problems(["a": "{{#x}}{{=| |=}}|/x|{{> a}}"]).first?.contains("the partial 'a' includes itself") == true)
        XCTAssertTrue(problems(["a": "{{=a=b c=}}a=b> a c"]).first?.contains("the partial 'a' includes itself") == true)
    }

    func testAStartDelimiterBeforeALineBreakIsText() {
        // swift-mustache reads `{{` at the end of a line as text, so the next line's tag is a partial
        // (found by fuzzing: the cycle was missed, and rendering overflowed the stack).
        let found = problems(["a": "{{\n{{> a}}"])
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/a.mustache:2:1: error: the partial 'a' includes itself") == true, "\(found)")
    }

    func testWhatTheParserIncludesDecidesTheGraph() {
        // Should the scan and the parser ever read a tag differently, the parser's partials count:
        // a cycle the scan missed is still found (at the file), and a tag it misread is dropped.
        var graph = PartialGraph()
        graph.add("a", text: "no tags the scan can see {{> b}}", file: "templates/a.mustache", parsed: ["a"])
        let found = graph.diagnostics(known: ["a", "b"]).map(\.description)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("templates/a.mustache: error: the partial 'a' includes itself") == true, "\(found)")
        // Partials inside a parent's blocks are read from swift-mustache's tokens too.
        let inBlock = problems(["a": "{{<p}}{{$b}}{{> a}}{{/b}}{{/p}}", "p": "{{$b}}{{/b}}"])
        XCTAssertTrue(inBlock.contains { $0.contains("the partial 'a' includes itself") }, "\(inBlock)")
    }

    func testAMissingPartialIsAnErrorAtItsTag() {
        let found = problems(["a": "x\n  {{> fotter}}"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/a.mustache:2:3: error: there is no partial called 'fotter'") == true, "\(found)")
        XCTAssertTrue(found.first?.contains("did you mean 'footer'?") == true, "\(found)")
    }

    func testDynamicPartialsAreRefused() {
        let found = problems(["a": "{{>*name}}"])
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/a.mustache:1:1: error: a dynamic partial") == true, "\(found)")
    }

    func testPartialsWithoutCyclesRender() throws {
        let layouts = try LayoutSet(templates: ["index": (text: "<{{> one}}>", file: "templates/index.mustache"),
                                                "one": (text: "{{> two}}{{> two}}", file: "templates/one.mustache"),
                                                "two": (text: "2", file: "templates/two.mustache")])
        XCTAssertEqual(try layouts.render("index", [:]), "<22>")
        // The scan agrees with swift-mustache on where set delimiters end.
        let scoped = try LayoutSet(templates: ["index": (text: "{{#x}}{{=| |=}}|/x|{{> two}}|> two|", file: "templates/index.mustache"),
                                               "two": (text: "2", file: "templates/two.mustache")])
        XCTAssertEqual(try scoped.render("index", ["x": true]), "2|> two|")
    }
}
