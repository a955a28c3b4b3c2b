import SitrepContent
import SitrepDiagnostics
import XCTest

/// What `YAMLNode.parse` gives and refuses: every node located in the file, scalars typed by
/// sitrep (only their quoting is kept), and each mistake reported where it is written.
final class YAMLReaderTests: XCTestCase {
    private func parse(_ yaml: String, lineOffset: Int = 0) throws -> YAMLNode {
        try YAMLNode.parse(yaml, file: "figures.yml", lineOffset: lineOffset)
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "figures.yml", line: line, column: column)
    }

    func testEveryNodeIsLocatedWithColumnsInCharacters() throws {
        let node = try parse("staff:\n  Zürich: 12\n  list: [a, 'b']\né: |\n  text\n")
        XCTAssertEqual(node.location, at(1, 1))
        let staff = try XCTUnwrap(node["staff"])
        XCTAssertEqual(staff.location, at(2, 3))
        let entries = try XCTUnwrap(staff.entries)
        XCTAssertEqual(entries.map(\.key), ["Zürich", "list"])
        XCTAssertEqual(entries[0].keyLocation, at(2, 3))
        XCTAssertEqual(entries[0].value.location, at(2, 11), "ü is one column")
        guard case .sequence(let items) = try XCTUnwrap(staff["list"]).kind else { return XCTFail("not a list") }
        XCTAssertEqual(items.map(\.location), [at(3, 10), at(3, 13)])
        XCTAssertEqual(try XCTUnwrap(node.entries).last?.keyLocation, at(4, 1))
    }

    func testQuotedMeansWrittenAsText() throws {
        let node = try parse("a: 6000\nb: \"6000\"\nc: '6000'\nd: |\n  6000\ne: >\n  6000\nf: !!str 6000\n")
        let quoted = try XCTUnwrap(node.entries).map { entry -> Bool in
            guard case .scalar(_, let quoted) = entry.value.kind else { return false }
            return quoted
        }
        XCTAssertEqual(quoted, [false, true, true, true, true, false], "a tag changes nothing: sitrep types values itself")
        XCTAssertEqual(node["d"]?.scalar, "6000\n")
        XCTAssertEqual(node["f"]?.scalar, "6000")
    }

    func testFrontMatterLinesAreCountedFromTheFile() throws {
        let node = try parse("title: T\nperiod: {start: 2022-05-27}\n", lineOffset: 1)
        XCTAssertEqual(node.location, at(2, 1))
        XCTAssertEqual(node["period"]?["start"]?.location, at(3, 17))
        let diagnostic = try XCTUnwrap(yamlRefusal("title: T\noffice: IOM: Belarus\n", lineOffset: 1))
        XCTAssertEqual(diagnostic.location, at(3, 12))
        XCTAssertEqual(diagnostic.sourceLine, "office: IOM: Belarus")
    }

    func testAnEmptyDocumentIsAnEmptyMap() throws {
        for yaml in ["", "\n\n", "# only a comment\n"] {
            let node = try parse(yaml, lineOffset: 1)
            XCTAssertEqual(node.entries?.count, 0, yaml)
            XCTAssertEqual(node.location, at(2, 1))
        }
        XCTAssertEqual(try parse("---\n").mapping("the file").count, 0, "a document holding nothing is a null value")
    }

    /// Notepad writes UTF-8 with a byte order mark, which libyaml would count as a column of
    /// indentation before the first key only.
    func testWindowsLineEndsAndAByteOrderMark() throws {
        let node = try parse("\u{FEFF}a: x\r\nb:\r\n  c: [1, 2]\r\n")
        XCTAssertEqual(node["a"]?.scalar, "x")
        XCTAssertEqual(node.entries?.first?.keyLocation, at(1, 1))
        XCTAssertEqual(node["b"]?["c"]?.location, at(3, 6))
        XCTAssertEqual(try XCTUnwrap(yamlRefusal("a: 1\r\nb: c: d\r\n")).location, at(2, 5))
    }

    func testSyntaxErrorsAreLocatedWithTheirLineAndAHint() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("a: 1\nb: [1, 2\nc: 3\n"))
        XCTAssertEqual(diagnostic.message, "YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence")
        XCTAssertEqual(diagnostic.location, at(3, 2))
        XCTAssertEqual(diagnostic.sourceLine, "c: 3")
        XCTAssertTrue(diagnostic.hint?.hasPrefix("check the indentation") ?? false)
        let indented = try XCTUnwrap(yamlRefusal("a:\n  gomel: 2\n grodno: 1\n"))
        XCTAssertEqual(indented.message, "YAML syntax error: did not find expected key while parsing a block mapping")
        XCTAssertEqual(indented.location, at(3, 2))
    }

    func testTabsCannotIndent() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("a:\n\tb: 1\n"))
        XCTAssertTrue(diagnostic.message.hasPrefix("YAML syntax error: found character that cannot start any token"), diagnostic.message)
        XCTAssertEqual(diagnostic.location, at(2, 1))
    }

    func testASecondDocumentIsRefused() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("a: 1\n---\nb: 2\n", lineOffset: 1))
        XCTAssertEqual(diagnostic.message, "YAML syntax error: but found another document expected a single document in the stream")
        XCTAssertEqual(diagnostic.location, at(3, 1))
        XCTAssertEqual(try parse("a: 1\n...\n")["a"]?.scalar, "1", "an end marker alone is one document")
    }

    func testAKeyWrittenTwiceNamesTheFirst() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("staff: 1\nother: 2\n\"staff\": 3\n"))
        XCTAssertEqual(diagnostic.message, "the key 'staff' appears twice")
        XCTAssertEqual(diagnostic.location, at(3, 1))
        XCTAssertEqual(diagnostic.hint, "it is already set at line 1; keep one of them")
        let nested = try XCTUnwrap(yamlRefusal("a:\n  x: 1\nb:\n  x: 2\n  x: 3\n"))
        XCTAssertEqual(nested.location, at(5, 3))
        XCTAssertEqual(nested.hint, "it is already set at line 4; keep one of them")
    }

    func testAKeyWrittenTwiceInALongMap() throws {
        let keys = (1...40).map { "key\($0): \($0)\n" }.joined()
        XCTAssertEqual(try parse(keys).entries?.count, 40)
        let diagnostic = try XCTUnwrap(yamlRefusal(keys + "key7: again\n"))
        XCTAssertEqual(diagnostic.location, at(41, 1))
        XCTAssertEqual(diagnostic.hint, "it is already set at line 7; keep one of them")
        XCTAssertEqual(try XCTUnwrap(yamlRefusal(keys + "key40: again\n")).hint, "it is already set at line 40; keep one of them")
    }

    func testAListOrMapCannotBeAKey() throws {
        for (yaml, location) in [("? [a, b]\n: 1\n", at(1, 3)), ("a: 1\n{b: 1}: 2\n", at(2, 1)), ("x: {[a]: 1}\n", at(1, 5))] {
            let diagnostic = try XCTUnwrap(yamlRefusal(yaml))
            XCTAssertEqual(diagnostic.message, "a key must be a plain name, not a list or a map", yaml)
            XCTAssertEqual(diagnostic.location, location, yaml)
        }
    }

    func testDeepNestingIsRefusedAtTheLimit() throws {
        let limit = 64
        XCTAssertNoThrow(try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)))
        let diagnostic = try XCTUnwrap(yamlRefusal(String(repeating: "[", count: limit + 1)))
        XCTAssertEqual(diagnostic.message, "the lists and maps here are nested more than 64 levels deep")
        XCTAssertEqual(diagnostic.location, at(1, limit + 1))
        XCTAssertEqual(try XCTUnwrap(yamlRefusal("a: " + String(repeating: "[", count: limit))).location, at(1, 3 + limit),
                       "the map around counts as a level")
        // An unclosed run of a million brackets ends at the limit, not in a crash.
        XCTAssertNotNil(yamlRefusal(String(repeating: "[", count: 1_000_000)))
    }

    func testControlCharactersCannotBeRead() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("a: é\u{1}\n"))
        XCTAssertEqual(diagnostic.message, "cannot read YAML: control characters are not allowed at byte 5")
        XCTAssertEqual(diagnostic.hint, "save the file as UTF-8")
    }
}
