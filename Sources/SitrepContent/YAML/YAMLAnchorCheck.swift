internal import CYaml

/// Finds the first YAML anchor (`&name`) or alias (`*name`) in a document by reading libyaml's
/// event stream, before anything is composed. Yams resolves aliases while composing, and a
/// dozen lines of nested aliases ("billion laughs") expand to billions of nodes; sitrep's files
/// have no use for them, so the first one is refused before it can cost memory or time.
enum YAMLAnchorCheck {
    /// Where an anchor or alias is written.
    struct Found {
        /// 1-based line and column (in Unicode scalars, as libyaml and Yams count them).
        var line: Int
        var column: Int
        var isAlias: Bool
    }

    /// The first anchor or alias in `text`, or nil when there is none. Stops at the first
    /// syntax error too (returning nil): composing the document reports it. Text without an
    /// `&` or `*` cannot hold either and is not read.
    static func first(in text: String) -> Found? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_ALIAS_EVENT: anchor = event.data.alias.anchor
                case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
                default: anchor = nil
                }
                if anchor != nil {
                    return Found(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                 isAlias: event.type == YAML_ALIAS_EVENT)
                }
            }
            return nil
        }
    }
}
