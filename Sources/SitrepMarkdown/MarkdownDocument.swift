import CCmark

/// A CommonMark document parsed by cmark, owned by this object and freed with it.
///
/// The tree can be edited through `MarkdownNode` (text replaced, blocks swapped for rendered
/// HTML) before it is rendered. Rendering is safe by default: raw HTML in the source is dropped
/// and `javascript:`, `vbscript:`, `file:` and most `data:` links are removed.
public final class MarkdownDocument {
    let root: OpaquePointer

    /// Parses `markdown` (UTF-8). cmark accepts any input, so parsing cannot fail.
    public init(parsing markdown: String) {
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// The document node.
    public var document: MarkdownNode { MarkdownNode(pointer: root) }

    /// Merges adjacent text nodes, so that a `{{ placeholder }}` that cmark split at a special
    /// character (such as `_`) is seen whole.
    public func consolidateText() {
        cmark_consolidate_text_nodes(root)
    }

    /// Every node, parents before children, collected before the caller edits anything.
    public func nodes() -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        guard let iterator = cmark_iter_new(root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(MarkdownNode(pointer: node))
            }
        }
        return result
    }

    /// HTML for the document. `safe` drops raw HTML and dangerous links (cmark's default).
    public func renderHTML(safe: Bool = true) -> String {
        let options = safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE
        guard let html = cmark_render_html(root, options) else { return "" }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        return String(cString: html)
    }
}
