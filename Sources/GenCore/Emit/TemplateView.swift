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

extension StructView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "docLines": \.docLines, "typeName": \.typeName,
        "properties": \.properties, "hasProperties": \.hasProperties,
    ]
}

extension StructView.Member: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "declaredType": \.declaredType, "nullable": \.nullable,
        "isLast": \.isLast, "wireLiteral": \.wireLiteral, "renamed": \.renamed, "decodeMethod": \.decodeMethod,
        "decodeArguments": \.decodeArguments, "encodeMethod": \.encodeMethod, "writtenValue": \.writtenValue,
        "usesDate": \.usesDate,
    ]
}

extension EnumView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "docLines": \.docLines, "typeName": \.typeName,
        "cases": \.cases, "unknownCase": \.unknownCase,
    ]
}

extension EnumView.Case: TemplateView {
    static let templateNames: TemplateNames<Self> = ["name": \.name, "literal": \.literal]
}

extension SidsView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "sids": \.sids,
    ]
}

extension SidsView.Sid: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "typeName": \.typeName, "prefix": \.prefix,
    ]
}

extension ClientView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "docLines": \.docLines, "typeName": \.typeName,
        "baseURLLiteral": \.baseURLLiteral, "account": \.account, "environment": \.environment,
        "usernameLabel": \.usernameLabel, "usernameName": \.usernameName, "passwordLabel": \.passwordLabel,
        "passwordName": \.passwordName, "accessors": \.accessors, "bearer": \.bearer,
    ]
}

extension ClientView.Bearer: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "tokenLabel": \.tokenLabel, "tokenName": \.tokenName, "tokenVariable": \.tokenVariable,
        "tokenLiteral": \.tokenLiteral,
    ]
}

extension ClientView.Accessor: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "typeName": \.typeName,
    ]
}

extension ClientView.Account: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "propertyName": \.propertyName, "argumentLabel": \.argumentLabel, "sidType": \.sidType,
    ]
}

extension ClientView.Environment: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "usernameVariable": \.usernameVariable, "passwordVariable": \.passwordVariable,
        "usernameLiteral": \.usernameLiteral, "passwordLiteral": \.passwordLiteral,
    ]
}

extension ResourceClientView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "docLines": \.docLines, "typeName": \.typeName,
        "account": \.account, "methods": \.methods,
    ]
}

extension ResourceClientView.Method: TemplateView {
    static let templateNames: TemplateNames<Self> = ["request": \.request, "sequence": \.sequence]
}

extension ResourceClientView.Request: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "parameters": \.parameters, "returnClause": \.returnClause,
        "defaultedAccount": \.defaultedAccount, "returnsValue": \.returnsValue, "sendArguments": \.sendArguments,
        "hasJSONBody": \.hasJSONBody, "jsonMembers": \.jsonMembers, "bodyName": \.bodyName,
    ]
}

extension ResourceClientView.Sequence: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "parameters": \.parameters, "elementType": \.elementType,
        "sizeName": \.sizeName, "defaultSize": \.defaultSize, "pageMethod": \.pageMethod,
        "pageArguments": \.pageArguments, "pageType": \.pageType, "itemsName": \.itemsName, "nextName": \.nextName,
    ]
}

extension HandlerView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "docLines": \.docLines,
        "protocolName": \.protocolName, "methods": \.methods, "authorizationType": \.authorizationType,
        "authorizationNoun": \.authorizationNoun,
    ]
}

extension HandlerView.Method: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "inputType": \.inputType, "returnClause": \.returnClause,
        "authenticated": \.authenticated,
    ]
}

extension InputsView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "inputs": \.inputs,
    ]
}

extension InputsView.Input: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "typeName": \.typeName, "fields": \.fields, "hasFields": \.hasFields,
    ]
}

extension InputsView.Field: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "docLines": \.docLines, "name": \.name, "declaredType": \.declaredType, "optional": \.optional,
        "read": \.read, "isLast": \.isLast,
    ]
}

extension RoutesView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "protocolName": \.protocolName,
        "errorCodes": \.errorCodes, "routes": \.routes, "operationRoutes": \.operationRoutes,
    ]
}

extension RoutesView.Route: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "comment": \.comment, "routeArguments": \.routeArguments, "status": \.status, "body": \.body,
        "pathNames": \.pathNames, "handlerMethod": \.handlerMethod,
        "inputType": \.inputType, "hasFields": \.hasFields, "authenticated": \.authenticated,
    ]
}

extension CLIRootView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "typeName": \.typeName,
        "commandName": \.commandName, "abstractLiteral": \.abstractLiteral, "subcommands": \.subcommands,
        "clientType": \.clientType, "credentials": \.credentials, "baseURLVariable": \.baseURLVariable,
        "baseURLHelp": \.baseURLHelp, "account": \.account, "clientArguments": \.clientArguments, "sids": \.sids,
        "enums": \.enums,
    ]
}

extension CLIRootView.Credential: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "property": \.property, "option": \.option, "help": \.help, "variable": \.variable,
    ]
}

extension CLIRootView.Account: TemplateView {
    static let templateNames: TemplateNames<Self> = ["sidType": \.sidType, "messageLiteral": \.messageLiteral]
}

extension CLIRootView.Conformance: TemplateView {
    static let templateNames: TemplateNames<Self> = ["typeName": \.typeName]
}

extension CLIResourceView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "typeName": \.typeName,
        "configuration": \.configuration, "defaultPropertiesLiteral": \.defaultPropertiesLiteral,
        "knownProperties": \.knownProperties, "acronyms": \.acronyms, "commands": \.commands,
    ]
}

extension CLIResourceView.Command: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "typeName": \.typeName, "configuration": \.configuration, "options": \.options, "prints": \.prints,
        "sequence": \.sequence, "resource": \.resource, "page": \.page, "nothing": \.nothing,
        "clientArguments": \.clientArguments,
    ]
}

extension CLIResourceView.Option: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "attribute": \.attribute, "arguments": \.arguments, "property": \.property,
    ]
}

extension CLIResourceView.Call: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "function": \.function, "arguments": \.arguments, "itemsName": \.itemsName,
    ]
}
