import Foundation

/// Constraints and defaults of parameters, each checked against its type and the others.
extension SpecLowering {
    /// The constraints a parameter declares, each checked against its type and the others.
    mutating func checkedConstraints(_ raw: RawField, type: FieldType, what: String) -> Constraints {
        let isText = type.kind.isText
        func misplaced(_ key: String, _ value: Located<Int>?, allowed: Bool, appliesTo: String) -> Int? {
            guard let value else { return nil }
            guard allowed else {
                log.error("'\(key)' applies to \(appliesTo), not to \(what) of type \(type.spec)", at: value.location)
                return nil
            }
            return value.value
        }
        var constraints = Constraints(
            minLength: misplaced("minLength", raw.minLength, allowed: isText, appliesTo: "strings"),
            maxLength: misplaced("maxLength", raw.maxLength, allowed: isText, appliesTo: "strings"),
            minimum: misplaced("minimum", raw.minimum, allowed: type.kind.isNumeric, appliesTo: "integers and numbers"),
            maximum: misplaced("maximum", raw.maximum, allowed: type.kind.isNumeric, appliesTo: "integers and numbers")
        )
        for length in [raw.minLength, raw.maxLength].compactMap({ $0 }) where isText && length.value < 0 {
            log.error("a length cannot be negative, found \(length.value)", at: length.location)
        }
        if let low = constraints.minLength, let high = raw.maxLength, low > high.value {
            log.error("minLength \(low) is greater than maxLength \(high.value) for \(what)", at: high.location)
        }
        if let low = constraints.minimum, let high = raw.maximum, low > high.value {
            log.error("minimum \(low) is greater than maximum \(high.value) for \(what)", at: high.location)
        }
        if let pattern = raw.pattern {
            if type.kind == .sid {
                log.error(
                    "'pattern' does not apply to \(what) of type \(type.spec): a SID's pattern follows from its prefix",
                    at: pattern.location
                )
            } else if !isText {
                log.error("'pattern' applies to strings, not to \(what) of type \(type.spec)", at: pattern.location)
            } else if (try? NSRegularExpression(pattern: pattern.value)) == nil {
                log.error("'\(pattern.value)' is not a valid regular expression", at: pattern.location)
            } else {
                constraints.pattern = pattern.value
            }
        }
        if type.kind == .sid, let reference = type.reference {
            constraints.pattern = SidType.pattern(prefix: reference)
        }
        return constraints
    }

    mutating func checkedDefault(
        _ raw: RawScalar,
        type: FieldType,
        constraints: Constraints,
        what: String
    ) -> DefaultValue? {
        switch type.kind {
        case .integer:
            guard !raw.isQuoted, let value = Int(raw.text) else {
                log.error("the default of \(what) must be a whole number, found '\(raw.text)'", at: raw.location)
                return nil
            }
            checkBounds(of: Double(value), raw.text, constraints, what: what, at: raw.location)
            return .integer(value)
        case .number:
            guard !raw.isQuoted, let value = Double(raw.text), value.isFinite else {
                log.error("the default of \(what) must be a number, found '\(raw.text)'", at: raw.location)
                return nil
            }
            checkBounds(of: value, raw.text, constraints, what: what, at: raw.location)
            return .number(value)
        case .boolean:
            guard !raw.isQuoted, let value = Bool(raw.text) else {
                log.error("the default of \(what) must be true or false, found '\(raw.text)'", at: raw.location)
                return nil
            }
            return .boolean(value)
        case .enumeration:
            let values = enums[type.reference ?? ""]?.values.map(\.value) ?? []
            guard values.contains(raw.text) else {
                log.error(
                    "the default '\(raw.text)' of \(what) is not a value of \(type.spec)"
                        + Suggestion.hint(for: raw.text, in: values),
                    at: raw.location
                )
                return nil
            }
            return .string(raw.text)
        case .string, .uri, .formatted:
            if let maxLength = constraints.maxLength, raw.text.count > maxLength {
                log.error("the default of \(what) is longer than its maxLength \(maxLength)", at: raw.location)
            }
            if let pattern = constraints.pattern, !Self.matchesWhole(raw.text, pattern) {
                log.error("the default '\(raw.text)' of \(what) does not match its pattern", at: raw.location)
            }
            return .string(raw.text)
        case .sid, .uriMap, .dateTimeRFC2822, .dateTime, .date, .json, .array, .object, .map:
            log.error("\(what) of type \(type.spec) cannot have a default", at: raw.location)
            return nil
        }
    }

    private mutating func checkBounds(
        of value: Double,
        _ text: String,
        _ constraints: Constraints,
        what: String,
        at location: SourceLocation
    ) {
        if let minimum = constraints.minimum, value < Double(minimum) {
            log.error("the default \(text) of \(what) is below its minimum \(minimum)", at: location)
        }
        if let maximum = constraints.maximum, value > Double(maximum) {
            log.error("the default \(text) of \(what) is above its maximum \(maximum)", at: location)
        }
    }

    /// Whether `pattern` matches all of `text`, as the generated server checks a value: the
    /// pattern is anchored at both ends, so `[a-z]+` does not accept `abc1`.
    static func matchesWhole(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z") else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }
}
