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

    private enum Kind { case file, directory, other }

    /// Regular files (directly or through a symbolic link) are read; directories
    /// are walked unless reached through a symbolic link (which could loop);
    /// devices, FIFOs and sockets are passed over (reading one could block).
    private static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK:
            guard stat(path, &info) == 0 else { return .other }
            return info.st_mode & S_IFMT == S_IFREG ? .file : .other
        default: return .other
        }
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
            switch kind(of: path) {
            case .directory: try walk(path, into: &files)
            case .file: files.append(.file(path, named: false))
            case .other: continue
            }
        }
    }
}
