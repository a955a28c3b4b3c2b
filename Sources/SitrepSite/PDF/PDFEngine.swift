import Foundation
import SitrepContent
import SitrepDiagnostics

/// WeasyPrint, kept running for a whole build: every report's PDF is rendered by one process
/// (see `PDFDriver`), one page at a time. Started only when a build makes PDFs, so a build
/// without them never needs WeasyPrint installed.
public final class PDFEngine: @unchecked Sendable {
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    /// Requests go one at a time: pages render on many threads, the engine is one process.
    private let lock = NSLock()

    /// The hint of every message about a missing or broken WeasyPrint.
    static let installHint = "install WeasyPrint: `apt-get install weasyprint` (Debian, Ubuntu), `brew install weasyprint` "
        + "(macOS) or `pip install weasyprint`; or build without --pdf (and without `pdf: true` in sitrep.yml)"

    /// Starts WeasyPrint: the `weasyprint` command found on `searchPath` (`PATH` by default),
    /// whose Python runs sitrep's driver. Throws, naming the package to install, when there is
    /// none or it does not start.
    public init(searchPath: String? = nil) throws(DiagnosticError) {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard let script = Self.find("weasyprint", in: path) else {
            throw DiagnosticError(Diagnostic(at: nil, "making PDFs needs WeasyPrint, and there is no `weasyprint` command on PATH",
                                             hint: Self.installHint))
        }
        guard let interpreter = Self.interpreter(of: script) else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: script), "this is not WeasyPrint's Python script (it has no #! line naming Python)",
                                             hint: Self.installHint))
        }
        // A write to an engine that ended must be an error to report, not a signal that ends sitrep.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter[0])
        process.arguments = Array(interpreter.dropFirst()) + ["-c", PDFDriver.source]
        let (toEngine, fromEngine) = (Pipe(), Pipe())
        process.standardInput = toEngine
        process.standardOutput = fromEngine
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: interpreter[0]), "cannot start WeasyPrint's Python: \(error.localizedDescription)",
                                             hint: Self.installHint))
        }
        self.process = process
        input = toEngine.fileHandleForWriting
        output = fromEngine.fileHandleForReading
        if case .failed(let message) = readAnswer() {
            close()
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: script), "WeasyPrint does not start: \(message)", hint: Self.installHint))
        }
    }

    /// Gives the engine a file of the site that pages refer to (`assets/sitrep.css`).
    public func provide(asset path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        lock.lock()
        defer { lock.unlock() }
        try send("asset", path: path, date: "-", bytes)
    }

    /// The PDF of the page at `path` in the site, whose HTML is `html`, dated `date`.
    /// `report` names the report in a message if WeasyPrint fails.
    public func render(page path: String, html: [UInt8], date: Day, report: String) throws(DiagnosticError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        try send("page", path: path, date: date.description, html)
        switch readAnswer() {
        case .ok(let pdf): return pdf
        case .failed(let message):
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: report), "WeasyPrint could not make the PDF: \(message)",
                                             hint: "run `weasyprint \(path) out.pdf` on the built page for details"))
        }
    }

    /// Ends the engine: it finishes when its input closes.
    public func close() {
        try? input.close()
        process.waitUntilExit()
    }

    private func send(_ kind: String, path: String, date: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        do {
            try input.write(contentsOf: Data("\(kind)\t\(path)\t\(bytes.count)\t\(date)\n".utf8) + Data(bytes))
        } catch {
            throw DiagnosticError(Diagnostic(at: nil, "WeasyPrint stopped while making PDFs", hint: Self.installHint))
        }
    }

    /// What the engine answers: the bytes asked for, or a message.
    private enum Answer {
        case ok([UInt8])
        case failed(String)
    }

    /// One answer: `ok SIZE` or `error SIZE`, a line end, SIZE bytes. A closed pipe is an error.
    private func readAnswer() -> Answer {
        var header: [UInt8] = []
        while header.last != UInt8(ascii: "\n") {
            guard let byte = read(count: 1) else { return .failed("it ended without an answer") }
            header += byte
        }
        let parts = String(decoding: header.dropLast(), as: UTF8.self).split(separator: " ")
        guard parts.count == 2, let size = Int(parts[1]), let body = read(count: size) else {
            return .failed("it gave an answer sitrep does not understand")
        }
        return parts[0] == "ok" ? .ok(body) : .failed(String(decoding: body, as: UTF8.self))
    }

    /// Exactly `count` bytes from the engine, nil if it ends first.
    private func read(count: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            guard let chunk = try? output.read(upToCount: count - bytes.count), !chunk.isEmpty else { return nil }
            bytes += chunk
        }
        return bytes
    }

    /// The first executable file called `name` in the folders of `searchPath`.
    static func find(_ name: String, in searchPath: String) -> String? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The command of a script's `#!` line, split at spaces (`/usr/bin/python3`,
    /// `/usr/bin/env python3`), nil if it has none or if it does not run Python (a shell
    /// wrapper would run the driver's Python as shell commands).
    static func interpreter(of script: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: script) else { return nil }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 512)) ?? Data()
        guard start.starts(with: Data("#!".utf8)) else { return nil }
        let line = String(decoding: start.dropFirst(2).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let program = words.last { !$0.hasPrefix("-") }.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        return program.hasPrefix("python") ? words : nil
    }
}
