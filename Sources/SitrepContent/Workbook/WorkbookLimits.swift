/// How large a workbook ``WorkbookReader`` reads. The file itself is held to the CSV limit
/// (``CSVLimits/standard``, 32 MB), and so is the number of rows; the parts inside it are
/// compressed, so their unpacked sizes are checked too, before anything is inflated and again
/// while inflating (a damaged or hostile file can understate them): a small file that unpacks to
/// gigabytes (a "zip bomb") is refused, not unpacked.
public struct WorkbookLimits: Sendable {
    /// The largest file, in bytes, and the most rows below the header.
    public var file: CSVLimits
    /// The most bytes the parts sitrep reads (the workbook, the sheet, its strings and styles)
    /// may unpack to, together. A sheet's XML takes about 150 bytes a row of three cells, so a
    /// sheet of a million rows fits.
    public var unpackedBytes: Int

    public init(file: CSVLimits, unpackedBytes: Int) {
        self.file = file
        self.unpackedBytes = unpackedBytes
    }

    /// 32 MB, 1,000,000 rows, 256 MB unpacked.
    public static let standard = WorkbookLimits(file: .standard, unpackedBytes: 256 * 1024 * 1024)
}
