import CLibXML2

/// A streaming XML reader (libxml2's `xmlTextReader`) fed from a ``ByteSource``,
/// so an XML file of any size is parsed in chunks with bounded memory.
///
/// Readers walk records with ``read()``, expand one record element at a time
/// with ``expand()`` (a small DOM subtree, freed when the reader moves on) and
/// skip past it with ``skipSubtree()``.
///
/// Safety: parsed with `XML_PARSE_NONET` and without `XML_PARSE_NOENT`,
/// `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`. Entities are never substituted (in
/// libxml2 2.9 `NONET` does not stop `file://` external entities, so
/// substitution itself must stay off), and ``XMLTree/text(_:)`` ignores entity
/// references, so an XXE payload is never read and nested "billion laughs"
/// entities are never expanded; libxml2's own entity-amplification checks stop
/// such documents early.
final class XMLStreamReader {
    /// Carries the byte source and collected errors through libxml2's C callbacks.
    private final class Context {
        let source: ByteSource
        var readFailure: Error?
        /// The first fatal error: parsing stopped there.
        var fatalError: (line: Int, message: String)?

        init(source: ByteSource) { self.source = source }
    }

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
                                    | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                                    | XML_PARSE_COMPACT.rawValue)

    private let reader: xmlTextReaderPtr
    private let context: Context
    private var status: Int32 = 1

    /// - Throws: ``ReadFailure`` if libxml2 cannot create a reader.
    init(source: ByteSource, file: String) throws {
        xmlInitParser()
        let context = Context(source: source)
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        guard let reader = xmlReaderForIO(
            { opaque, buffer, length in
                guard let opaque, let buffer, length > 0 else { return 0 }
                let context = Unmanaged<Context>.fromOpaque(opaque).takeUnretainedValue()
                do {
                    return Int32(try context.source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
                } catch {
                    context.readFailure = error
                    return -1
                }
            },
            nil, opaque, file, nil, XMLStreamReader.parseOptions)
        else { throw ReadFailure(reason: "libxml2 cannot create a reader") }
        self.reader = reader
        self.context = context
        xmlTextReaderSetStructuredErrorHandler(reader, { opaque, error in
            guard let opaque, let error else { return }
            let context = Unmanaged<Context>.fromOpaque(opaque).takeUnretainedValue()
            // Recoverable errors (a namespace problem) let parsing go on; only the fatal one matters.
            guard context.fatalError == nil, error.pointee.level == XML_ERR_FATAL else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
            context.fatalError = (Int(error.pointee.line), message.trimmingCharacters(in: .whitespacesAndNewlines))
        }, opaque)
    }

    deinit { xmlFreeTextReader(reader) }

    /// Advances to the next node; false at the end of the document or on an error.
    func read() -> Bool {
        guard status == 1 else { return false }
        status = xmlTextReaderRead(reader)
        return status == 1
    }

    /// Moves past the current node's subtree; false at the end or on an error.
    func skipSubtree() -> Bool {
        guard status == 1 else { return false }
        status = xmlTextReaderNext(reader)
        return status == 1
    }

    /// Streams the rest of the document, expanding each start element `wanted`
    /// accepts (given its namespace and local name) on its own and handing it to
    /// `body` with its local name; everything else streams past. This is how a
    /// feed of any length is read in bounded memory: one record at a time.
    func forEachElement(where wanted: (_ namespace: String?, _ name: String) -> Bool,
                        _ body: (xmlNodePtr, String) throws -> Void) rethrows {
        var more = read()
        while more {
            let name = isStartElement ? localName : ""
            if !name.isEmpty, wanted(namespaceURI, name) {
                if let element = expand() { try body(element, name) }
                more = skipSubtree()
            } else {
                more = read()
            }
        }
    }

    /// The current node and its whole subtree, valid until the reader moves on;
    /// nil if the element is not whole because parsing failed inside it.
    ///
    /// After a fatal error the reader still hands out what the parser built
    /// before it, including the element the parser was in the middle of. Only an
    /// element the parser got past (one with a following sibling) is whole: the
    /// others are dropped rather than passed on truncated.
    func expand() -> xmlNodePtr? {
        let node = xmlTextReaderExpand(reader) ?? xmlTextReaderCurrentNode(reader)
        if parserFailed && node?.pointee.next == nil { return nil }
        return node
    }

    private var parserFailed: Bool {
        status < 0 || context.fatalError != nil || context.readFailure != nil
    }

    var isStartElement: Bool { xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) }

    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    var localName: String { xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? "" }

    var namespaceURI: String? { xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } }

    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// Why parsing stopped early, if it did: the first XML error (with its line)
    /// or the read failure of the underlying source.
    var failure: (line: Int, message: String)? {
        if let readFailure = context.readFailure { return (line, "\(readFailure)") }
        if let fatal = context.fatalError { return (fatal.line, "XML error: \(fatal.message)") }
        if status < 0 { return (line, "XML error") }
        return nil
    }
}

import Foundation
