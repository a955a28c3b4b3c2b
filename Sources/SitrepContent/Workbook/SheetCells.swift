/// One cell of a sheet that holds something, as read from the sheet's XML.
struct SheetCell {
    /// The row, 1-based, as Excel numbers it.
    var row: Int
    /// The column, 0-based (A is 0).
    var column: Int
    /// The text sitrep reads (see ``WorkbookCellText``); empty when there is a problem.
    var text: String
    /// Why the cell cannot be read, when it cannot.
    var problem: (message: String, hint: String)?
}

/// A rectangle of cells, such as a merged range `A1:B3`.
struct CellRange: Equatable {
    var top: Int, left: Int, bottom: Int, right: Int

    /// `B3`, or `A1:B3`.
    var address: String {
        let first = CellAddress.name(row: top, column: left)
        return top == bottom && left == right ? first : first + ":" + CellAddress.name(row: bottom, column: right)
    }
}

/// Cell addresses: `C7` is row 7, column 2 (0-based). Excel's sheets have at most 16,384
/// columns (up to XFD) and 1,048,576 rows.
enum CellAddress {
    static let columns = 16_384
    static let rows = 1_048_576

    /// `A`, `Z`, `AA`, … for a 0-based column.
    static func letters(_ column: Int) -> String {
        var name = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: name.startIndex)
            rest = (rest - 1) / 26
        }
        return name
    }

    static func name(row: Int, column: Int) -> String { letters(column) + String(row) }

    /// The row (1-based) and column (0-based) of an address such as `C7` (`$C$7` too); nil when
    /// it is not one or lies outside a sheet.
    static func parse(_ text: some StringProtocol) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0 && letters < 3:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0 && letters < 3:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0 && digits < 7:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...columns).contains(column), (1...rows).contains(row) else { return nil }
        return (row, column - 1)
    }

    /// A range such as `A1:B3` (or a single cell, `A1`).
    static func range(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":")
        guard parts.count == 1 || parts.count == 2, let first = parse(parts[0]), let last = parse(parts[parts.count - 1]) else { return nil }
        return CellRange(top: min(first.row, last.row), left: min(first.column, last.column),
                         bottom: max(first.row, last.row), right: max(first.column, last.column))
    }
}

/// Reads a worksheet's XML (`xl/worksheets/sheet1.xml`) into its cells and merged ranges.
/// Stops after `rowLimit` rows that hold cells, noting the row where it stopped.
final class SheetCellsHandler: WorkbookXMLHandler {
    private let index: WorkbookIndex
    private let rowLimit: Int
    private(set) var cells: [SheetCell] = []
    private(set) var merges: [CellRange] = []
    /// The first row past the limit, when the sheet has more rows than ``rowLimit``.
    private(set) var rowOverLimit: Int?
    var stop: Bool { rowOverLimit != nil }

    private var row = 0
    private var rowsWithCells = 0
    private var rowHasCells = false
    private var column = -1
    private var type = "n"
    private var style = 0
    private var formula = false
    private var value: String?
    private var inline = ""
    private enum Collecting { case none, value, inline }
    private var collecting = Collecting.none
    private var inInline = false
    private var inPhonetic = false
    private var badAddress: String?

    init(index: WorkbookIndex, rowLimit: Int) {
        self.index = index
        self.rowLimit = rowLimit
    }

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "row":
            // A row number outside the sheet (negative, or past Excel's last row) is not trusted.
            let next = attributes["r"].flatMap(Int.init) ?? (row < CellAddress.rows ? row + 1 : row)
            row = (1...CellAddress.rows).contains(next) ? next : max(1, min(next, CellAddress.rows))
            column = -1
            rowHasCells = false
        case "c":
            badAddress = nil
            if let reference = attributes["r"] {
                if let address = CellAddress.parse(reference) {
                    (row, column) = address
                } else {
                    badAddress = reference
                    column += 1
                }
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            formula = false
            value = nil
            inline = ""
        case "v":
            value = ""
            collecting = .value
        case "f":
            formula = true
        case "is":
            inInline = true
        case "t" where inInline && !inPhonetic:
            collecting = .inline
        case "rPh":
            inPhonetic = true
        case "mergeCell":
            if let range = attributes["ref"].flatMap(CellAddress.range), range.top != range.bottom || range.left != range.right {
                merges.append(range)
            }
        default:
            break
        }
    }

    func text(_ text: String) {
        switch collecting {
        case .none: break
        case .value: value? += text
        case .inline: inline += text
        }
    }

    func end(_ element: String) {
        switch element {
        case "v", "t": collecting = .none
        case "is": inInline = false
        case "rPh": inPhonetic = false
        case "c": finishCell()
        default: break
        }
    }

    private func finishCell() {
        if let badAddress {
            return add("", problem: ("the sheet names a cell '\(badAddress)', which is not a cell address",
                                     WorkbookArchive.damagedHint))
        }
        let stored = value ?? ""
        switch type {
        case "s":
            guard let position = Int(stored.trimmingSpaces()), index.sharedStrings.indices.contains(position) else {
                return add("", problem: ("the cell refers to text the workbook does not have (shared string \(stored))",
                                         WorkbookArchive.damagedHint))
            }
            add(index.sharedStrings[position])
        case "inlineStr":
            add(WorkbookCellText.unescaped(inline))
        case "str":
            add(WorkbookCellText.unescaped(stored))
        case "b":
            add(stored == "1" ? "TRUE" : "FALSE")
        case "e":
            add("", problem: ("the cell shows the error \(stored)",
                              "correct the formula or the value in Excel so that the cell shows what it should, then save the workbook"))
        case "d":
            add(WorkbookCellText.isoDate(stored))
        default:
            if stored.isEmpty {
                if formula {
                    add("", problem: ("the cell has a formula whose value was never saved",
                                      "open the workbook in Excel (or LibreOffice Calc) and save it: sitrep reads the value a formula "
                                        + "had when the file was last saved, and the program that wrote this file did not save it"))
                }
                return
            }
            let kind = index.styles.indices.contains(style) ? index.styles[style] : .number
            if kind != .number, let serial = Double(stored),
               let date = WorkbookCellText.date(serial: serial, kind: kind, date1904: index.date1904) {
                return add(date)
            }
            guard let number = WorkbookCellText.number(stored) else {
                return add("", problem: ("the cell holds '\(stored)' where the workbook says a number is",
                                         WorkbookArchive.damagedHint))
            }
            add(number)
        }
    }

    private func add(_ text: String, problem: (message: String, hint: String)? = nil) {
        guard !text.isEmpty || problem != nil else { return }
        if !rowHasCells {
            rowHasCells = true
            rowsWithCells += 1
            if rowsWithCells > rowLimit + 1 {
                rowOverLimit = row
                return
            }
        }
        cells.append(SheetCell(row: row, column: column, text: text, problem: problem))
    }
}
