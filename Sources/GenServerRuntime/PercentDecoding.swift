import GenRuntime

/// Decodes `%XX` escapes (and, in form fields, `+` as a space) without Foundation: a request
/// decodes several values, most of them with nothing to decode.
enum PercentDecoding {
    /// The decoded text; nil when an escape is malformed or the bytes are not UTF-8.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == .percent || (plusIsSpace && $0 == .plus) }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            switch byte {
            case .percent:
                guard index != utf8.endIndex, let high = utf8[index].hexDigitValue else { return nil }
                utf8.formIndex(after: &index)
                guard index != utf8.endIndex, let low = utf8[index].hexDigitValue else { return nil }
                utf8.formIndex(after: &index)
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
