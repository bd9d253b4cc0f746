import Mustache

/// A view model that templates read by name through a table of key paths.
///
/// Without it swift-mustache finds a name by reflecting the whole view (a `Mirror` of every
/// member, for every name a template looks up), which was most of gen's rendering time. The
/// table must name every stored property; debug builds check that on each lookup.
protocol TemplateView: MustacheParent {
    static var templateNames: TemplateNames<Self> { get }
}

extension TemplateView {
    func child(named name: String) -> Any? {
        assert(
            Set(Mirror(reflecting: self).children.compactMap(\.label)) == Set(Self.templateNames.keys),
            "\(Self.self).templateNames does not name exactly its stored properties"
        )
        guard let path = Self.templateNames[name] else { return nil }
        let value = self[keyPath: path]
        // A missing optional is no value at all, as swift-mustache's own lookup treats it.
        if let optional = value as? any OptionalTemplateValue { return optional.templateValue }
        return value
    }
}

/// A view's names, each with the stored property it reads.
typealias TemplateNames<View> = [String: PartialKeyPath<View> & Sendable]

private protocol OptionalTemplateValue {
    var templateValue: Any? { get }
}

extension Optional: OptionalTemplateValue {
    fileprivate var templateValue: Any? { self.map { $0 as Any } }
}

// MARK: - The tables

extension StructView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "docLines": \.docLines, "typeName": \.typeName,
        "properties": \.properties, "initParameters": \.initParameters,
    ]
}

extension StructView.Member: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "declaredType": \.declaredType, "codingKey": \.codingKey,
        "initParameter": \.initParameter, "decodeStatement": \.decodeStatement,
        "encodeStatement": \.encodeStatement, "writeStatement": \.writeStatement, "usesDate": \.usesDate,
    ]
}

extension EnumView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "docLines": \.docLines, "typeName": \.typeName, "cases": \.cases,
        "unknownCase": \.unknownCase,
    ]
}

extension EnumView.Case: TemplateView {
    static let templateNames: TemplateNames<Self> = ["name": \.name, "literal": \.literal]
}

extension SidsView: TemplateView {
    static let templateNames: TemplateNames<Self> = ["header": \.header, "sids": \.sids]
}

extension SidsView.Sid: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "typeName": \.typeName, "prefix": \.prefix,
    ]
}

extension ClientView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "docLines": \.docLines, "typeName": \.typeName,
        "baseURLLiteral": \.baseURLLiteral, "account": \.account, "environment": \.environment,
        "usernameLabel": \.usernameLabel, "usernameName": \.usernameName, "passwordLabel": \.passwordLabel,
        "passwordName": \.passwordName, "accessors": \.accessors,
    ]
}

extension ClientView.Accessor: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "typeName": \.typeName, "arguments": \.arguments,
    ]
}

extension ClientView.Account: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "propertyName": \.propertyName, "sidType": \.sidType,
    ]
}

extension ClientView.Environment: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "usernameVariable": \.usernameVariable, "passwordVariable": \.passwordVariable,
        "usernameLiteral": \.usernameLiteral, "passwordLiteral": \.passwordLiteral,
    ]
}

extension ResourceClientView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "docLines": \.docLines, "typeName": \.typeName,
        "account": \.account, "methods": \.methods,
    ]
}

extension ResourceClientView.Method: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "signature": \.signature, "body": \.body,
    ]
}

extension HandlerView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "docLines": \.docLines, "protocolName": \.protocolName,
        "methods": \.methods,
    ]
}

extension HandlerView.Method: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "declaration": \.declaration,
    ]
}

extension InputsView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "inputs": \.inputs,
    ]
}

extension InputsView.Input: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "typeName": \.typeName, "fields": \.fields, "initParameters": \.initParameters,
    ]
}

extension InputsView.Field: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "declaredType": \.declaredType,
    ]
}

extension RoutesView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "protocolName": \.protocolName, "errorCodes": \.errorCodes,
        "routes": \.routes, "operationRoutes": \.operationRoutes,
    ]
}

extension RoutesView.Route: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "registration": \.registration,
    ]
}

extension CLIRootView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "typeName": \.typeName, "commandName": \.commandName,
        "abstractLiteral": \.abstractLiteral, "subcommands": \.subcommands, "clientType": \.clientType,
        "usernameOption": \.usernameOption, "usernameProperty": \.usernameProperty,
        "usernameHelp": \.usernameHelp, "passwordOption": \.passwordOption, "passwordHelp": \.passwordHelp,
        "usernameVariable": \.usernameVariable, "passwordVariable": \.passwordVariable,
        "baseURLVariable": \.baseURLVariable, "baseURLHelp": \.baseURLHelp, "clientLines": \.clientLines,
        "sids": \.sids, "enums": \.enums,
    ]
}

extension CLIRootView.Conformance: TemplateView {
    static let templateNames: TemplateNames<Self> = ["typeName": \.typeName]
}

extension CLIResourceView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "typeName": \.typeName, "configuration": \.configuration,
        "defaultPropertiesLiteral": \.defaultPropertiesLiteral, "knownPropertiesLiteral": \.knownPropertiesLiteral,
        "commands": \.commands,
    ]
}

extension CLIResourceView.Command: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "typeName": \.typeName, "configuration": \.configuration, "options": \.options, "body": \.body,
    ]
}
