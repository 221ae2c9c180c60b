import Foundation

/// libFuzzer's entry point: every input goes through `FuzzInput.run` (the request decoder and
/// every command's argument decoding). Built by Tools/fuzz/fuzz.sh, never by SwiftPM.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, count > 0 else {
        FuzzInput.run(Data())
        return 0
    }
    FuzzInput.run(Data(bytes: bytes, count: count))
    return 0
}
