import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        root = text.withUTF8(Self.parse)
    }

    /// Parses the UTF-8 `bytes` (cmark copies them, and reads invalid sequences as U+FFFD).
    public init(parsingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        root = Self.parse(bytes)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer {
        bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS)
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
        let count = strlen(html)
        return html.withMemoryRebound(to: UInt8.self, capacity: count) { Self.string(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The UTF-8 `bytes` as a string (invalid sequences as U+FFFD, as `String(cString:)` reads them).
    ///
    /// Swift checks the UTF-8 of text that is all ASCII eight bytes at a time, and of other text
    /// byte by byte: a page is mostly ASCII with a few other characters, so its long ASCII runs
    /// are made into strings of their own, as are the pieces between them (11.6 M instructions
    /// on the 100-report bench as one string, 3.7 M so). Pieces break only at ASCII bytes, which
    /// are never part of a longer sequence, so the result is the same.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Below this length, a string of its own costs more than checking the run byte by byte.
        let longRun = 128
        var result = ""
        result.reserveCapacity(bytes.count)
        func append(_ range: Range<Int>) {
            if !range.isEmpty { result += String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        }
        var pieceStart = 0
        var offset = 0
        while true {
            let runEnd = firstNonASCII(in: bytes, from: offset)
            if runEnd - offset >= longRun {
                append(pieceStart..<offset)
                append(offset..<runEnd)
                pieceStart = runEnd
            }
            guard runEnd < bytes.count else { break }
            offset = runEnd + 1
            while offset < bytes.count, bytes[offset] >= 0x80 { offset += 1 }
        }
        append(pieceStart..<bytes.count)
        return result
    }

    /// The offset of the first byte from `start` that is not ASCII; `bytes.count` when there is none.
    private static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var offset = start
        while offset + 8 <= bytes.count, UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            offset += 8
        }
        while offset < bytes.count, bytes[offset] < 0x80 { offset += 1 }
        return offset
    }
}
