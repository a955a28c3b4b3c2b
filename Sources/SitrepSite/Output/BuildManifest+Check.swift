import Foundation
import SitrepContent

/// The no-op check: the manifest against the file system, one `stat` per entry.
extension BuildManifest {
    /// True when the manifest at `path` says the last build is current: the same binary, and
    /// each file and folder with the same signature (and each absent one still absent). It lists
    /// no folder, so it costs one `stat` per entry; the entries are checked on every core.
    ///
    /// The file is mapped rather than read, as git maps its index: reading half a megabyte into
    /// fresh memory costs 0.5 ms in page faults, a thirtieth of a no-op build. sitrep replaces
    /// the manifest by renaming a new file over it, never by rewriting it, so the mapped file
    /// does not change under the check.
    static func isCurrent(manifestAt path: String, projectRoot: String, output: String, options: String = "") -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, let size = Int(exactly: status.st_size), size > 0,
              let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
              mapping != MAP_FAILED else { return false }
        defer { munmap(mapping, size) }
        let file = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        guard let entries = entryRange(start: Array(file.prefix(64)), fileSize: size),
              file[entries.upperBound - 1] == UInt8(ascii: "\n") else { return false }
        return isCurrent(UnsafeBufferPointer(rebasing: file[entries]), projectRoot: projectRoot, output: output, options: options)
    }

    /// Whether the entry lines `files` (the binary's line first) match the file system.
    private static func isCurrent(_ files: UnsafeBufferPointer<UInt8>, projectRoot: String, output: String, options: String) -> Bool {
        guard let firstEnd = files.firstIndex(of: UInt8(ascii: "\n")),
              let binary = Self.signature(of: "/proc/self/exe"),
              files[..<firstEnd].elementsEqual(binary + Array(options.utf8)) else { return false }
        let roots = [projectRoot, output].map { path in
            Self.withCString(Array(path.utf8)) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        defer { for root in roots where root >= 0 { close(root) } }
        guard roots.allSatisfy({ $0 >= 0 }) else { return false }
        // Shares of whole lines, several per core: a core slowed by other work (or a worker
        // thread that starts late) leaves its shares to the others.
        let shares = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) * 8
        var bounds = [firstEnd + 1]
        for share in 1..<shares {
            let cut = max(bounds[share - 1], firstEnd + 1 + (files.count - firstEnd - 1) * share / shares)
            bounds.append(cut == files.count ? cut : (files[cut...].firstIndex(of: UInt8(ascii: "\n")) ?? files.count - 1) + 1)
        }
        bounds.append(files.count)
        // The mapping outlives the workers: concurrentPerform returns when they all have.
        nonisolated(unsafe) let files = files
        let cuts = bounds
        let changed = Locked(false)
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            guard !changed.withLock({ $0 }) else { return }
            var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            var start = cuts[share]
            while start < cuts[share + 1] {
                let end = files[start...].firstIndex(of: UInt8(ascii: "\n")) ?? files.count
                if !Self.isCurrent(files[start..<end], roots: roots, path: &path) {
                    changed.withLock { $0 = true }
                    return
                }
                start = end + 1
            }
        }
        return !changed.withLock { $0 }
    }

    /// Whether one entry line (`K stamp key`) matches the file system; `path` is scratch space.
    private static func isCurrent(_ line: Slice<UnsafeBufferPointer<UInt8>>, roots: [Int32], path: inout [CChar]) -> Bool {
        guard line.count > 4, let stampEnd = line.dropFirst(2).firstIndex(of: UInt8(ascii: " ")),
              line.count - (stampEnd + 1 - line.startIndex) < path.count else { return false }
        let kind = line[line.startIndex]
        let key = line[(stampEnd + 1)...]
        for (offset, byte) in key.enumerated() { path[offset] = CChar(bitPattern: byte) }
        path[key.count] = 0
        let root = kind == Kind.outputFile || kind == Kind.outputFolder ? roots[1] : roots[0]
        var status = stat()
        let found = fstatat(root, path, &status, AT_SYMLINK_NOFOLLOW) == 0
        let stamp = line[(line.startIndex + 2)..<stampEnd]
        switch kind {
        case Kind.absent: return !found
        case Kind.inputFolder, Kind.outputFolder: return found && isFolder(status) && matches(stamp, status)
        case Kind.inputFile, Kind.outputFile: return found && !isFolder(status) && matches(stamp, status)
        default: return false
        }
    }

    /// Whether a recorded stamp (see `stamp`) is the one of `status`, read without allocating.
    private static func matches(_ stamp: Slice<UnsafeBufferPointer<UInt8>>, _ status: stat) -> Bool {
        let expected = isFolder(status)
            ? (count: 2, values: (status.st_mtim.tv_sec, status.st_mtim.tv_nsec, 0))
            : (count: 3, values: (Int(status.st_size), status.st_mtim.tv_sec, status.st_mtim.tv_nsec))
        var rest = stamp[...]
        for field in 0..<expected.count {
            var value = 0
            var digits = 0
            while let byte = rest.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                rest = rest.dropFirst()
            }
            let wanted = field == 0 ? expected.values.0 : field == 1 ? expected.values.1 : expected.values.2
            guard digits > 0, value == wanted else { return false }
            if field < expected.count - 1 {
                guard let separator = rest.first, separator == UInt8(ascii: field == expected.count - 2 ? "." : ":") else { return false }
                rest = rest.dropFirst()
            }
        }
        return rest.isEmpty
    }
}
