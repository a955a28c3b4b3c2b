import Foundation
import SitrepDiagnostics
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What reads one XML part of a workbook: it is handed the part's elements and text in order.
/// Element names are local names (`row`, not `x:row`); attribute names are as written.
protocol WorkbookXMLHandler: AnyObject {
    func start(_ element: String, _ attributes: [String: String])
    func text(_ text: String)
    func end(_ element: String)
    /// Set to stop reading the part at once (a limit was reached).
    var stop: Bool { get }
}

/// Streams an XML part of a workbook through Foundation's `XMLParser` (libxml2) to a
/// ``WorkbookXMLHandler``. A document type declaration is refused before parsing: no workbook
/// part has one, and its entities could expand a small part into a huge one.
///
/// On Linux, `XMLParser(data:)` fails on parts of about a megabyte (swift-corelibs-foundation
/// issue 4851), so the part is given as a stream; and libxml2 keeps global state that is not
/// safe to use from several threads at once (series load in parallel), so one part is parsed
/// at a time.
enum WorkbookXML {
    private static let oneAtATime = Locked(())

    /// Reads `data`, the part at `path` of the workbook `file`; `place` names the sheet in messages.
    static func read(_ data: Data, path: String, file: String, place: String?, into handler: some WorkbookXMLHandler) throws(DiagnosticError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw DiagnosticError(WorkbookArchive.damaged(
                file: file, detail: "its part \(path) declares a document type, which no workbook part does", place: place))
        }
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handler)
        parser.delegate = delegate
        let finished = oneAtATime.withLock { _ in parser.parse() }
        if handler.stop { return }
        guard finished else {
            throw DiagnosticError(WorkbookArchive.damaged(
                file: file, detail: "its part \(path) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))",
                place: place))
        }
    }

    private final class Delegate<Handler: WorkbookXMLHandler>: NSObject, XMLParserDelegate {
        let handler: Handler

        init(_ handler: Handler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            handler.start(Self.localName(elementName), attributeDict)
            if handler.stop { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            handler.text(string)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            handler.end(Self.localName(elementName))
        }

        private static func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }

    /// The value of the attribute whose local name is `name` (`r:id` for `id`).
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }
}
