import SitrepContent
import SitrepDiagnostics

/// Blocks whose YAML was read before, by its text and first line: the reports of a series
/// repeat their blocks, and reading a block's YAML with libyaml costs about 40,000 instructions
/// (callgrind). A block read in another file is the same block but for the file of its
/// locations, which `relocated` sets. Only blocks read without an error are kept, at most
/// ``limit``; then the list starts again.
final class ParsedBlocks<Block: Sendable>: Sendable {
    private struct Key: Hashable {
        var text: String
        var lineOffset: Int
    }

    private let blocks = Locked([Key: Block]())
    /// How many blocks are kept at most: a project's distinct blocks, many times over.
    let limit = 256

    /// The block `read` gives for `text` at `lineOffset` in `file`, read once for all files.
    func block(yaml text: String, file: String, lineOffset: Int, read: () throws(DiagnosticError) -> Block,
               relocated: (Block, String) -> Block) throws(DiagnosticError) -> Block {
        let key = Key(text: text, lineOffset: lineOffset)
        if let known = blocks.withLock({ $0[key] }) { return relocated(known, file) }
        let block = try read()
        blocks.withLock { blocks in
            if blocks.count >= limit { blocks.removeAll() }
            blocks[key] = block
        }
        return block
    }
}
