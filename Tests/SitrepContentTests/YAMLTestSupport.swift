import SitrepContent
import SitrepDiagnostics
import XCTest

extension XCTestCase {
    /// The one diagnostic `YAMLNode.parse` refuses `yaml` with (as `figures.yml`), or nil after a
    /// failure when the document is read.
    func yamlRefusal(_ yaml: String, lineOffset: Int = 0, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try YAMLNode.parse(yaml, file: "figures.yml", lineOffset: lineOffset)
            XCTFail("the document was read", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
            return error.diagnostics.first
        }
    }
}
