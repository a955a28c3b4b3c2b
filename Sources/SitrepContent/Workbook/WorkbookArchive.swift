import Foundation
import SitrepDiagnostics
import ZIPFoundation

/// The zip container of an `.xlsx` workbook, read from its bytes with ZIPFoundation. Gives the
/// unpacked bytes of one part at a time, within ``WorkbookLimits/unpackedBytes`` for all the parts
/// together: the size the archive declares is checked before a part is inflated, and the bytes
/// inflated are counted as they come, so a part that understates its size is stopped too.
struct WorkbookArchive {
    let file: String
    private let archive: Archive
    /// The entries by their path in lowercase: part names in a workbook are case-insensitive.
    private let entries: [String: Entry]
    /// What the parts not yet read may still unpack to.
    private var remaining: Int

    init(_ bytes: [UInt8], file: String, limits: WorkbookLimits) throws(DiagnosticError) {
        self.file = file
        if let tooLarge = limits.file.sizeProblem(bytes.count, file: file) { throw tooLarge }
        if let problem = Self.notAZip(bytes, file: file) { throw DiagnosticError(problem) }
        // A file cut short has no end record. Found here rather than by ZIPFoundation, whose
        // `Archive(data:)` keeps the file's memory when it throws.
        guard Self.hasEndRecord(bytes) else {
            throw DiagnosticError(Self.damaged(file: file, detail: "it is not a complete zip archive, as an .xlsx file is"))
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DiagnosticError(Self.damaged(file: file, detail: "it is not a complete zip archive, as an .xlsx file is"))
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let key = entry.path.lowercased()
            if entries[key] == nil { entries[key] = entry }
        }
        guard !entries.isEmpty else {
            throw DiagnosticError(Self.damaged(file: file, detail: "the zip archive holds no files"))
        }
        self.entries = entries
        remaining = limits.unpackedBytes
    }

    /// The unpacked bytes of the part at `path` (`xl/workbook.xml`); nil when there is none.
    mutating func part(_ path: String) throws(DiagnosticError) -> Data? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let budget = remaining
        guard entry.uncompressedSize <= UInt64(budget) else { throw tooLarge(path, size: entry.uncompressedSize) }
        struct OverBudget: Error {}
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= budget else { throw OverBudget() }
                data.append(chunk)
            }
        } catch is OverBudget {
            throw tooLarge(path, size: nil)
        } catch {
            throw DiagnosticError(Self.damaged(file: file, detail: "its part \(path) cannot be unpacked"))
        }
        remaining -= data.count
        return data
    }

    private func tooLarge(_ path: String, size: UInt64?) -> DiagnosticError {
        let megabytes = size.map { " (\($0 / 1024 / 1024) MB)" } ?? ""
        return DiagnosticError(Diagnostic(
            at: SourceLocation(file: file),
            "the workbook's part \(path) unpacks to more than sitrep reads\(megabytes): "
                + "the parts of a workbook may unpack to \(WorkbookLimits.standard.unpackedBytes / 1024 / 1024) MB in all",
            hint: "aggregate the rows before adding the table (a report needs totals, not records), "
                + "or split it into several tables"))
    }

    // MARK: Files that are not workbooks

    /// Whether the zip's end-of-central-directory record (`PK 05 06`) is where it must be: in
    /// the last 22 bytes, or before a comment of at most 65,535 bytes.
    private static func hasEndRecord(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        let earliest = max(0, bytes.count - 22 - 65_535)
        var index = bytes.count - 22
        while index >= earliest {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 { return true }
            index -= 1
        }
        return false
    }

    /// The problem with a file that does not start as a zip archive does; nil when it does.
    private static func notAZip(_ bytes: [UInt8], file: String) -> Diagnostic? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return nil }
        let location = SourceLocation(file: file)
        if bytes.isEmpty {
            return Diagnostic(at: location, "the file is empty",
                              hint: "save the workbook again from Excel, or take the file again from where it came from")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Diagnostic(
                at: location, "the file is an Excel 97–2003 workbook (.xls) or a workbook protected by a password, not an .xlsx file",
                hint: "open it in Excel, remove any password (File > Info > Protect Workbook > Encrypt with Password, "
                    + "then clear the password) and save it as 'Excel Workbook (.xlsx)'")
        }
        let head = bytes.prefix(512)
        if !head.contains(0), String(validating: head, as: UTF8.self) != nil {
            return Diagnostic(
                at: location, "the file holds text, not an Excel workbook",
                hint: "if it is a CSV file, rename it to end in .csv; otherwise open it in Excel and save it as 'Excel Workbook (.xlsx)'")
        }
        return damaged(file: file, detail: "it does not start as an .xlsx (zip) file does")
    }

    /// A workbook sitrep cannot open: `detail` says what is wrong with it.
    static func damaged(file: String, detail: String, place: String? = nil) -> Diagnostic {
        Diagnostic(
            at: SourceLocation(file: file, place: place), "the workbook cannot be read: \(detail)", hint: damagedHint)
    }

    /// What to do with a damaged workbook.
    static let damagedHint = "open it in Excel and save it again as 'Excel Workbook (.xlsx)'; if Excel cannot open it either, "
        + "take the file again from where it came from (a download or a copy may have been cut short)"
}
