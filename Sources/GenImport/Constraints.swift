import Foundation
import Yams

/// The constraints and default of a parameter's schema that its spec type can carry. What the
/// spec cannot carry (a bound on a SID, a default a server would refuse) is reported and left out.
struct Constraints {
    var minLength: SpecValue?
    var maxLength: SpecValue?
    var minimum: SpecValue?
    var maximum: SpecValue?
    var pattern: SpecValue?
    var defaultValue: SpecValue?

    private static let textTypes: Set<String> = ["string", "uri"]
    private static let numberTypes: Set<String> = ["integer", "number"]

    init(mapped: MappedType, required: Bool, context: ImportContext, pointer: Pointer) {
        guard let schema = mapped.schema else {
            // An enum, a SID or a composite: only a default, which must be one of its values.
            return
        }
        let type = mapped.type
        var lengths: (Int?, Int?) = (nil, nil)
        var bounds: (Double?, Double?) = (nil, nil)
        var regex: NSRegularExpression?
        if Constraints.textTypes.contains(type) {
            lengths = (
                schema["minLength"]?.scalar.flatMap { Int($0.string) },
                schema["maxLength"]?.scalar.flatMap { Int($0.string) }
            )
            if let low = lengths.0, let high = lengths.1, low > high { lengths = (nil, nil) }
            minLength = lengths.0.map { .plain(String($0)) }
            maxLength = lengths.1.map { .plain(String($0)) }
            if let text = schema["pattern"]?.text {
                if let compiled = try? NSRegularExpression(pattern: text) {
                    regex = compiled
                    pattern = .string(text)
                } else {
                    context.warn(
                        "the pattern does not compile as a regular expression; it is left out",
                        at: schema["pattern"],
                        pointer / "pattern"
                    )
                }
            }
        }
        if Constraints.numberTypes.contains(type) {
            for (key, index) in [("minimum", 0), ("maximum", 1)] {
                guard let node = schema[key], let value = node.number else { continue }
                if value.rounded() == value, abs(value) < 1e15 {
                    if index == 0 { bounds.0 = value } else { bounds.1 = value }
                } else {
                    context.warn(
                        "a spec's bounds are whole numbers; the \(key) \(node.text ?? "") is left out",
                        at: node,
                        pointer / key
                    )
                }
            }
            if let low = bounds.0, let high = bounds.1, low > high { bounds = (nil, nil) }
            minimum = bounds.0.map { .plain(String(Int($0))) }
            maximum = bounds.1.map { .plain(String(Int($0))) }
        }
        guard let node = schema["default"], let text = node.text, node.scalar != nil else { return }
        let defaultPointer = pointer / "default"
        if required {
            return
        }
        switch type {
        case "boolean" where ["true", "false"].contains(text):
            defaultValue = .plain(text)
        case "integer" where Int(text) != nil:
            let value = Double(Int(text)!)
            if bounds.0.map({ value >= $0 }) ?? true, bounds.1.map({ value <= $0 }) ?? true {
                defaultValue = .plain(text)
            }
        case "number" where Double(text).map({ $0.isFinite }) == true:
            let value = Double(text)!
            if bounds.0.map({ value >= $0 }) ?? true, bounds.1.map({ value <= $0 }) ?? true {
                defaultValue = .plain(text)
            }
        case "string", "uri", "phone-number", "email", "iso-country-code", "currency":
            let length = text.unicodeScalars.count
            let fitsLength = (lengths.0.map { length >= $0 } ?? true) && (lengths.1.map { length <= $0 } ?? true)
            let range = NSRange(text.startIndex..., in: text)
            let fitsPattern =
                regex.map { $0.firstMatch(in: text, options: [.anchored], range: range)?.range == range } ?? true
            if fitsLength, fitsPattern, !text.isEmpty, !text.contains(where: { $0.isNewline }) {
                defaultValue = .string(text)
            }
        case "enum<HttpMethod>" where ["HEAD", "GET", "POST", "PATCH", "PUT", "DELETE"].contains(text):
            defaultValue = .string(text)
        case let type where type.hasPrefix("enum<"):
            if schema["enum"]?.items.compactMap(\.text).contains(text) == true { defaultValue = .string(text) }
        default:
            break
        }
        if defaultValue == nil {
            context.warn(
                "the default \(text.debugDescription) does not fit the parameter's type and constraints; it is left out",
                at: node,
                defaultPointer
            )
        }
    }
}
