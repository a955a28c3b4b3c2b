internal import CYaml
import SitrepDiagnostics

/// Builds a ``YAMLNode`` in one pass over libyaml's event stream: no intermediate tree, no tag
/// resolution (sitrep types scalars itself). Refuses, each at its place, the first anchor or
/// alias (before anything could be expanded), a key written twice in one map, a list or map
/// used as a key, nesting deeper than ``maximumDepth``, and a second document.
struct YAMLEventReader {
    /// Lists and maps nested deeper than this are refused: no settings or figures file needs
    /// more than a handful of levels, and every reader of the tree walks it recursively.
    static let maximumDepth = 64

    private let text: String
    private let file: String
    private let lineOffset: Int
    /// The lists and maps opened and not yet closed, innermost last.
    private var open: [Collection] = []

    private init(text: String, file: String, lineOffset: Int) {
        self.text = text
        self.file = file
        self.lineOffset = lineOffset
    }

    /// The document in `text`, or nil when the stream holds no document at all.
    static func read(_ text: String, file: String, lineOffset: Int) throws(DiagnosticError) -> YAMLNode? {
        var reader = YAMLEventReader(text: text, file: file, lineOffset: lineOffset)
        var bytes = text
        // `withUTF8` rethrows untyped errors; the result carries the typed one out.
        let result = bytes.withUTF8 { buffer in
            Result { () throws(DiagnosticError) in try reader.read(buffer) }
        }
        return try result.get()
    }

    private mutating func read(_ buffer: UnsafeBufferPointer<UInt8>) throws(DiagnosticError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: file), "cannot read YAML: out of memory"))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        defer { yaml_event_delete(&event) }

        try next(&event, from: &parser)  // the stream start
        try next(&event, from: &parser)
        if event.type == YAML_STREAM_END_EVENT { return nil }
        try next(&event, from: &parser)  // after the document start: the root
        var root: YAMLNode?
        while root == nil {
            root = try take(event)
            try next(&event, from: &parser)
        }
        try next(&event, from: &parser)  // after the document end
        if event.type != YAML_STREAM_END_EVENT {
            throw DiagnosticError(YAMLSyntaxError.secondDocument(at: mark(event.start_mark), in: text, file: file, lineOffset: lineOffset))
        }
        return root
    }

    /// Replaces `event` with the parser's next one, or throws libyaml's error, located.
    private func next(_ event: inout yaml_event_t, from parser: inout yaml_parser_t) throws(DiagnosticError) {
        yaml_event_delete(&event)
        guard yaml_parser_parse(&parser, &event) == 1 else {
            throw DiagnosticError(YAMLSyntaxError.diagnostic(for: parser, text: text, file: file, lineOffset: lineOffset))
        }
    }

    /// Takes one event inside the document; returns the root once it is complete.
    private mutating func take(_ event: yaml_event_t) throws(DiagnosticError) -> YAMLNode? {
        let location = location(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            try refuseAnchor(scalar.anchor, at: location)
            let value = scalar.length == 0 ? "" : String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
            return try add(YAMLNode(kind: .scalar(value, quoted: quoted), location: location))
        case YAML_SEQUENCE_START_EVENT:
            try refuseAnchor(event.data.sequence_start.anchor, at: location)
            try start(Collection(location: location, isMapping: false))
        case YAML_MAPPING_START_EVENT:
            try refuseAnchor(event.data.mapping_start.anchor, at: location)
            try start(Collection(location: location, isMapping: true))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return try add(open.removeLast().node)
        case YAML_ALIAS_EVENT:
            throw DiagnosticError(YAMLSyntaxError.anchorRefused(at: location, in: text, lineOffset: lineOffset))
        default:
            break  // libyaml gives no other event inside a document
        }
        return nil
    }

    private mutating func start(_ collection: Collection) throws(DiagnosticError) {
        if open.last?.awaitsKey == true {
            throw DiagnosticError(Diagnostic(at: collection.location, "a key must be a plain name, not a list or a map"))
        }
        guard open.count < Self.maximumDepth else {
            throw DiagnosticError(Diagnostic(
                at: collection.location, "the lists and maps here are nested more than \(Self.maximumDepth) levels deep",
                hint: "sitrep reads at most \(Self.maximumDepth) levels; check for an unclosed `[` or `{`",
                sourceLine: sourceLine(collection.location)))
        }
        open.append(collection)
    }

    /// Adds a complete node to the innermost open list or map; returns it when it is the root.
    private mutating func add(_ node: YAMLNode) throws(DiagnosticError) -> YAMLNode? {
        guard !open.isEmpty else { return node }
        if let earlier = open[open.count - 1].add(node) {
            throw DiagnosticError(Diagnostic(
                at: node.location, "the key '\(node.scalar ?? "")' appears twice",
                hint: "it is already set at line \(earlier.line ?? 0); keep one of them",
                sourceLine: sourceLine(node.location)))
        }
        return nil
    }

    private func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) throws(DiagnosticError) {
        if anchor != nil {
            throw DiagnosticError(YAMLSyntaxError.anchorRefused(at: location, in: text, lineOffset: lineOffset))
        }
    }

    /// libyaml's 0-based line and column (counted in Unicode scalars), 1-based.
    private func mark(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        (Int(mark.line) + 1, Int(mark.column) + 1)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        let (line, column) = self.mark(mark)
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    private func sourceLine(_ location: SourceLocation) -> String? {
        location.line.flatMap { Diagnostic.sourceLine($0 - lineOffset, of: text) }
    }
}

extension YAMLEventReader {
    /// A list or map whose end has not been read yet. Its items and entries are kept side by
    /// side rather than in an enum's payloads, so that adding one mutates them in place: taking
    /// a payload out and putting it back cost 1,500 instructions a node.
    private struct Collection {
        var location: SourceLocation
        let isMapping: Bool
        var items: [YAMLNode] = []
        var entries = YAMLMappingEntries()

        /// True for a map whose next node is a key.
        var awaitsKey: Bool { isMapping && entries.awaitsKey }

        var node: YAMLNode {
            YAMLNode(kind: isMapping ? .mapping(entries.entries) : .sequence(items), location: location)
        }

        /// Adds an item, or a map's key or value; returns the earlier key's place for a key
        /// the map already has (see ``YAMLMappingEntries/add(_:)``).
        mutating func add(_ node: YAMLNode) -> SourceLocation? {
            guard isMapping else {
                items.append(node)
                return nil
            }
            return entries.add(node)
        }
    }
}
