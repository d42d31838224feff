import Sharing

/// libFuzzer entry point for the share protocol's decoder: the input read as one frame body and as a stream
/// of frames must decode or be refused with a `ShareProtocolError`. Whatever decodes must encode to a frame
/// that decodes to the same bytes again, so the decoder accepts nothing the encoder cannot say.
@_cdecl("LLVMFuzzerTestOneInput")
public func shareFrameFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let message = try? ShareFrame.decode(body: bytes) { checkReencoding(message) }
    var assembler = FrameAssembler(limit: 1 << 16)
    assembler.append(bytes)
    while let message = try? assembler.nextMessage() { checkReencoding(message) }
    return 0
}

func checkReencoding(_ message: ShareMessage) {
    let frame = ShareFrame.encode(message)
    guard let again = try? ShareFrame.decode(body: Array(frame.dropFirst(ShareProtocol.lengthBytes))) else {
        preconditionFailure("a decoded message encodes to a frame that does not decode")
    }
    precondition(ShareFrame.encode(again) == frame, "a decoded message does not survive a second trip")
}
