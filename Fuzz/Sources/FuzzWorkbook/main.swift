import FuzzDriver
import SitrepFuzzing

@_cdecl("FuzzWorkbook_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, FuzzEntryPoints.workbook)
}
