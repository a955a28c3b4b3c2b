import Foundation
import SitrepDiagnostics

/// Reads files under the project root and names them as the user would (relative paths),
/// refusing links that lead outside the content folder.
struct ContentFiles: Sendable {
    /// Absolute path of the project root, symlinks resolved.
    let root: String
    /// Folders with their links resolved, by path: each is resolved once, not once per file
    /// read (a report reads seven files, and resolving a path costs a system call per component).
    private let resolvedFolders = Locked([String: String]())

    init(root: String) {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        self.root = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    func absolute(_ relative: String) -> String { root + "/" + relative }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: absolute(relative)) }

    func isDirectory(_ relative: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(relative), isDirectory: &directory) && directory.boolValue
    }

    /// Names in a folder, sorted by code point so that builds do not depend on the file system's order.
    /// Hidden files are left out.
    func list(_ relative: String) throws(DiagnosticError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: absolute(relative))
                .filter { !$0.hasPrefix(".") }
                .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot list the folder: \(error.localizedDescription)"))
        }
    }

    /// The bytes of a file, after checking that it does not lead outside the project by a link.
    func read(_ relative: String) throws(DiagnosticError) -> [UInt8] {
        let path = absolute(relative)
        let resolved = resolvedPath(path)
        guard resolved == path || resolved.hasPrefix(root + "/") else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: relative), "this file is a link to \(resolved), outside the project",
                hint: "copy the file into the project instead of linking to it"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot read the file"))
        }
        return [UInt8](data)
    }

    /// The absolute `path` with every link resolved. A file that is not itself a link is found
    /// in its folder's resolved path; a link (or a missing file) is resolved in full.
    private func resolvedPath(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK, let slash = path.lastIndex(of: "/") else {
            return Self.realPath(path) ?? path
        }
        let folder = String(path[..<slash])
        if let known = resolvedFolders.withLock({ $0[folder] }) { return known + path[slash...] }
        let resolved = Self.realPath(folder) ?? folder
        resolvedFolders.withLock { $0[folder] = resolved }
        return resolved + path[slash...]
    }

    /// The path with every link resolved (libc's realpath: cheaper than Foundation's); nil if it
    /// cannot be resolved, e.g. a missing file.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file as UTF-8 text; invalid UTF-8 is an error naming the byte offset.
    func readText(_ relative: String) throws(DiagnosticError) -> String {
        let bytes = try read(relative)
        return try Self.decodeUTF8(bytes, file: relative)
    }

    static func decodeUTF8(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Invalid: walk the bytes to say where.
        var line = 1
        var lineStart = 0
        var index = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                index += UTF8.width(scalar)
                if scalar == "\n" { line += 1; lineStart = index }
            case .emptyInput:
                break decoding
            case .error:
                throw DiagnosticError(Diagnostic(
                    at: SourceLocation(file: file, line: line, column: index - lineStart + 1),
                    "the file is not valid UTF-8 (byte offset \(index))",
                    hint: "save it as UTF-8 (in Excel: 'CSV UTF-8'; in an editor: encoding UTF-8), or convert it with `iconv -f WINDOWS-1252 -t UTF-8`"))
            }
        }
        return String(text)
    }
}
