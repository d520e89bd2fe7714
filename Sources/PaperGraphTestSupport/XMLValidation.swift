import CLibXML2
import Foundation

/// libxml2 checks the test suites share: well-formedness, XSD validation, XPath.
public enum XMLValidation {
    private static let ready: Void = xmlInitParser()

    /// Parses `data` (no network, no entity expansion); nil plus the error when ill-formed.
    public static func parse(_ data: Data) -> (doc: xmlDocPtr?, error: String?) {
        ready
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        let doc = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count), "export.xml", nil, options)
        }
        if doc == nil { return (nil, lastError()) }
        return (doc, nil)
    }

    /// Validates `data` against the schema at `schemaPath`; returns the errors (empty when valid).
    public static func validate(_ data: Data, schema schemaPath: String) -> [String] {
        ready
        let (doc, error) = parse(data)
        guard let doc else { return ["not well-formed: \(error ?? "?")"] }
        defer { xmlFreeDoc(doc) }
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else { return ["cannot open \(schemaPath)"] }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        guard let schema = xmlSchemaParse(parserContext) else { return ["cannot parse \(schemaPath): \(lastError())"] }
        defer { xmlSchemaFree(schema) }
        guard let validContext = xmlSchemaNewValidCtxt(schema) else { return ["no validation context"] }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        final class Box { var errors: [String] = [] }
        let box = Box()
        xmlSchemaSetValidStructuredErrors(validContext, { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<Box>.fromOpaque(context).takeUnretainedValue()
            box.errors.append("line \(error.pointee.line): " + (error.pointee.message.map { String(cString: $0) } ?? "?"))
        }, Unmanaged.passUnretained(box).toOpaque())
        let rc = xmlSchemaValidateDoc(validContext, doc)
        if rc != 0 && box.errors.isEmpty { return ["validation failed (\(rc))"] }
        return box.errors
    }

    /// Values of an XPath expression (text of each matched node).
    /// Namespaced documents are queried with `local-name()`.
    public static func xpath(_ data: Data, _ expression: String) -> [String] {
        let (doc, _) = parse(data)
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        guard let context = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(context) }
        let evaluated = expression.withCString {
            $0.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlXPathEvalExpression($0, context) }
        }
        guard let result = evaluated else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).map { i in
            guard let node = set.pointee.nodeTab[i], let content = xmlNodeGetContent(node) else { return "" }
            defer { free(content) }
            return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        }
    }

    private static func lastError() -> String {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return "?" }
        return "line \(error.pointee.line): " + String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
