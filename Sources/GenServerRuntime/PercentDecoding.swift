import GenRuntime

/// Decodes `%XX` escapes (and, in form fields, `+` as a space) without Foundation: a request
/// decodes several values, most of them with nothing to decode.
enum PercentDecoding {
    /// The decoded text; nil when an escape is malformed or the bytes are not UTF-8.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == .percent || (plusIsSpace && $0 == .plus) }) else { return String(text) }
        // Over the bytes in place: indexing a substring's view byte by byte costs several times more.
        return utf8.withContiguousStorageIfAvailable { decode(bytes: $0, plusIsSpace: plusIsSpace) }
            ?? Array(utf8).withUnsafeBufferPointer { decode(bytes: $0, plusIsSpace: plusIsSpace) }
    }

    private static func decode(bytes text: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            switch byte {
            case .percent:
                guard index + 1 < text.count, let high = text[index].hexDigitValue,
                    let low = text[index + 1].hexDigitValue
                else { return nil }
                index += 2
                bytes.append(high << 4 | low)
            case .plus where plusIsSpace:
                bytes.append(.space)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension UInt8 {
    fileprivate static let percent = UInt8(ascii: "%")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let space = UInt8(ascii: " ")
}
