import SitrepFuzzing

// Runs libFuzzer's driver on one of FuzzEntryPoints. SwiftPM renames an executable's entry
// point to <Target>_main on Linux, so each target's entry point hands control to the driver.

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The entry point being fuzzed; set once, before the driver starts.
nonisolated(unsafe) private var entry: ([UInt8]) -> Void = { _ in }

/// Fuzzes `target` with the process's command line (libFuzzer's options and corpus folders).
public func fuzz(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                 _ target: @escaping ([UInt8]) -> Void) -> CInt {
    entry = target
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        entry(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
