import FuzzDriver
import SitrepFuzzing

@_cdecl("FuzzFrontMatter_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzz(argc, argv, FuzzEntryPoints.frontMatter)
}
