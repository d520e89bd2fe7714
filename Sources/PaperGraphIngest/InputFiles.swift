import Foundation

/// Expands the inputs a user names into the files to read.
enum InputFiles {
    enum Entry {
        case standardInput
        /// A file, and whether the user named it (rather than it being found in a directory).
        case file(String, named: Bool)
    }

    /// `-` is standard input; a directory is walked recursively in sorted order
    /// (stable runs whatever the file system's order), skipping hidden files and
    /// directories (`.git`, `.DS_Store`).
    /// - Throws: ``IngestError`` for a named path that does not exist.
    static func expand(_ input: String) throws -> [Entry] {
        if input == "-" { return [.standardInput] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw IngestError(file: input, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [.file(input, named: true)] }
        var files: [Entry] = []
        try walk(input, into: &files)
        return files
    }

    private static func walk(_ directory: String, into files: inout [Entry]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw IngestError(file: directory, reason: "cannot list directory")
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try walk(path, into: &files)
            } else {
                files.append(.file(path, named: false))
            }
        }
    }
}
