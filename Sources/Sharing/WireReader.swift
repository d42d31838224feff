/// Reads the fields `WireWriter` writes from one frame body, refusing anything that runs past the end or
/// claims more elements than the remaining bytes could hold (so a hostile count never allocates).
struct WireReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    func malformed(_ what: String) -> ShareProtocolError { .malformed(what, offset: offset) }

    private mutating func take(_ count: Int, for what: String) throws(ShareProtocolError) -> ArraySlice<UInt8> {
        guard count <= remaining else { throw malformed("\(what) needs \(count) bytes, \(remaining) left") }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func byte() throws(ShareProtocolError) -> UInt8 { try take(1, for: "a byte").first! }

    mutating func bool() throws(ShareProtocolError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw malformed("a flag must be 0 or 1, got \(other)")
        }
    }

    mutating func uint16() throws(ShareProtocolError) -> UInt16 {
        try take(2, for: "a 16-bit number").reduce(0) { $0 << 8 | UInt16($1) }
    }

    mutating func uint32() throws(ShareProtocolError) -> UInt32 {
        try take(4, for: "a 32-bit number").reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func uint64() throws(ShareProtocolError) -> UInt64 {
        try take(8, for: "a 64-bit number").reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func int() throws(ShareProtocolError) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A whole number in `range`, named in the message when it is not.
    mutating func int(in range: ClosedRange<Int>, _ what: String) throws(ShareProtocolError) -> Int {
        let start = offset
        let value = try int()
        guard range.contains(value) else {
            throw .malformed("\(what) must be in [\(range.lowerBound), \(range.upperBound)], got \(value)", offset: start)
        }
        return value
    }

    mutating func double() throws(ShareProtocolError) -> Double { Double(bitPattern: try uint64()) }

    mutating func float() throws(ShareProtocolError) -> Float { Float(bitPattern: try uint32()) }

    /// An element count, at most what the remaining bytes hold at `minimumElementBytes` each.
    mutating func count(minimumElementBytes: Int) throws(ShareProtocolError) -> Int {
        let start = offset
        let count = Int(try uint32())
        guard count * minimumElementBytes <= remaining else {
            throw .malformed("\(count) elements cannot fit in the \(remaining) bytes left", offset: start)
        }
        return count
    }

    mutating func string() throws(ShareProtocolError) -> String {
        let start = offset
        let utf8 = try take(try count(minimumElementBytes: 1), for: "a string")
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw .malformed("a string is not valid UTF-8", offset: start)
        }
        return text
    }

    mutating func optional<Value>(_ read: (inout WireReader) throws(ShareProtocolError) -> Value)
        throws(ShareProtocolError) -> Value?
    {
        try bool() ? try read(&self) : nil
    }

    /// `read` for each of a count of elements, each at least `minimumElementBytes` long on the wire.
    mutating func array<Element>(minimumElementBytes: Int, _ read: (inout WireReader) throws(ShareProtocolError) -> Element)
        throws(ShareProtocolError) -> [Element]
    {
        let count = try count(minimumElementBytes: max(minimumElementBytes, 1))
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try read(&self)) }
        return elements
    }

    /// Fails unless every byte has been read: a longer body than its fields is as broken as a shorter one.
    func finish() throws(ShareProtocolError) {
        guard remaining == 0 else { throw malformed("\(remaining) bytes after the last field") }
    }
}
