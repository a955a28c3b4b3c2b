import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A node of a `MarkdownDocument`. Valid only while its document is alive and the node is in it.
public struct MarkdownNode {
    let pointer: OpaquePointer

    /// The kinds of node sitrep cares about; everything else is `.other`.
    public enum Kind: Equatable {
        case document, paragraph, heading, codeBlock, htmlBlock, blockQuote, list, item, customBlock
        case text, code, softBreak, lineBreak, htmlInline, emphasis, strong, link, image
        case other
    }

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .other
        }
    }

    /// The text of a text, code, code block or HTML node.
    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    /// Calls `body` with the UTF-8 bytes of the node's literal (without its terminating NUL), or
    /// returns nil when the node has none; the bytes are valid during the call and until the node
    /// is edited. Reading them this way makes no `String` (whose UTF-8 check cost 2.3 K
    /// instructions a paragraph).
    public func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard let literal = cmark_node_get_literal(pointer) else { return nil }
        let count = strlen(literal)
        return try literal.withMemoryRebound(to: UInt8.self, capacity: count) { try body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// Sets the literal to the UTF-8 `bytes` (up to a NUL, if they hold one: cmark reads a C string).
    public func setLiteral(utf8 bytes: consuming [UInt8]) {
        bytes.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(pointer, $0.baseAddress) }
        }
    }

    /// The info string of a fenced code block (`sitrep-table`).
    public var fenceInfo: String? {
        cmark_node_get_fence_info(pointer).map { String(cString: $0) }
    }

    /// The destination of a link or image.
    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    /// The title of a link or image.
    public var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_title(pointer, newValue) }
    }

    /// 1-based line where the node starts in the parsed text (0 when cmark does not know).
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based column where the node starts.
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    public var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    public var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }
    public var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    public var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    /// Replaces this block with literal HTML that is emitted as is, even in safe mode. Only for
    /// HTML that sitrep built and escaped itself. The replaced node is freed.
    public func replaceWithHTMLBlock(_ html: String) {
        replaceWithHTMLBlock(cString: html)
    }

    /// `replaceWithHTMLBlock(_:)` for HTML in UTF-8 bytes (up to a NUL, if they hold one).
    public func replaceWithHTMLBlock(utf8 html: consuming [UInt8]) {
        html.append(0)
        html.withUnsafeBufferPointer { buffer in buffer.withMemoryRebound(to: CChar.self) { replaceWithHTMLBlock(cString: $0.baseAddress) } }
    }

    private func replaceWithHTMLBlock(cString html: UnsafePointer<CChar>?) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(pointer, block)
        cmark_node_free(pointer)
    }
}
