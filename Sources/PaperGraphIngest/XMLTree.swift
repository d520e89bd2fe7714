import CLibXML2

/// Helpers over a small libxml2 DOM subtree (one expanded record, or an HTML page).
enum XMLTree {
    /// The element children of `node`.
    static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(c) }
            child = c.pointee.next
        }
        return out
    }

    /// Every element below `node` (depth first, document order), `node` excluded.
    static func descendants(_ node: xmlNodePtr, _ visit: (xmlNodePtr) throws -> Void) rethrows {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                try visit(c)
                try descendants(c, visit)
            }
            child = c.pointee.next
        }
    }

    /// The element's local name (HTML names are lower case already).
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func namespace(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The value of an attribute (by local name), without allocating through libxml2.
    static func attribute(_ node: xmlNodePtr, _ attributeName: String) -> String? {
        var property = node.pointee.properties
        while let p = property {
            if let pname = p.pointee.name, String(cString: pname) == attributeName {
                var text = ""
                var child = p.pointee.children
                while let c = child {
                    if let content = c.pointee.content { text += String(cString: content) }
                    child = c.pointee.next
                }
                return text
            }
            property = p.pointee.next
        }
        return nil
    }

    /// Whether the element's `class` attribute holds `cls` as one of its words.
    static func hasClass(_ node: xmlNodePtr, _ cls: String) -> Bool {
        guard let classes = attribute(node, "class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == cls }
    }

    /// The text below `node`: text and CDATA content in document order.
    ///
    /// Entity references are skipped, never followed: following them is how an
    /// XXE payload or a "billion laughs" document would get expanded.
    /// Elements for which `skip` is true are left out with their subtree.
    static func text(_ node: xmlNodePtr, skip: (xmlNodePtr) -> Bool = { _ in false }) -> String {
        var bytes: [UInt8] = []
        collect(node, into: &bytes, skip: skip)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func collect(_ node: xmlNodePtr, into bytes: inout [UInt8], skip: (xmlNodePtr) -> Bool) {
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            case XML_ELEMENT_NODE where !skip(c):
                collect(c, into: &bytes, skip: skip)
            default:
                break
            }
            child = c.pointee.next
        }
    }

    /// The 1-based source line of `node`.
    static func line(_ node: xmlNodePtr) -> Int {
        Int(xmlGetLineNo(node))
    }

    /// The first element child with this local name (and namespace, when given).
    static func child(_ node: xmlNodePtr, _ localName: String, namespace ns: String? = nil) -> xmlNodePtr? {
        elements(node).first { name($0) == localName && (ns == nil || namespace($0) == ns) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
