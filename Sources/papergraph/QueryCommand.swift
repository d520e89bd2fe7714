import ArgumentParser
import Foundation
import PaperGraph
import PaperGraphQuery

extension ResultFormatter.Format: ExpressibleByArgument {}

/// Output format and limits shared by `query`, `papers`, `neighbors` and `path`.
struct QueryOutputOptions: ParsableArguments {
    @Option(help: "Output: table (for people), json (array of row objects), jsonl, csv (with header).")
    var format: ResultFormatter.Format = .table

    @Option(name: .customLong("max-rows"), help: "Stop with an error when a query returns more rows than this.")
    var maxRows: Int = 100_000

    @Option(help: "Stop a query that runs longer than this many seconds.")
    var timeout: Double = 30

    @Flag(name: .customLong("show-query"), help: "Print the Cypher query that was run (convenience commands).")
    var showQuery = false

    var limits: QueryLimits { QueryLimits(maxRows: maxRows, timeout: timeout) }

    func validate() throws {
        guard maxRows > 0 else { throw ValidationError("--max-rows must be positive") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    /// Runs `body`, prints its result, and turns query errors into a message on
    /// standard error (with a caret under the place when the query has one).
    func emit(graph: KnowledgeGraph, _ body: () throws -> (query: String, result: QueryResult)) throws {
        do {
            let (query, result) = try body()
            if showQuery { FileHandle.standardError.write(Data((query + "\n").utf8)) }
            print(ResultFormatter(graph: graph).render(result, as: format), terminator: "")
        } catch let error as QueryError {
            FileHandle.standardError.write(Data(("papergraph: " + error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run an openCypher read query over the graph.",
        discussion: """
            Labels: Paper, Method, Benchmark, Repository. Relationship types: PROPOSES, USES, \
            EVALUATES_ON, INTRODUCES, HAS_CODE, SUBSET_OF, SPECIALIZES. Node properties: name, kind, key \
            and each stored property (title, abstract, authors, published, url, aliases, domain, ...). \
            Relationship properties: evidence (sentences), rule, rules, weight (number of evidence items).

            Example: papergraph query 'MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) \
            WHERE b.name IN $names RETURN DISTINCT p.title' --param 'names=["MATH","GSM8K"]'
            """)

    @Argument(help: "The query (or use --file).")
    var query: String?

    @Option(name: .customLong("file"), help: "Read the query from this file.")
    var file: String?

    @Option(name: .customLong("param"), help: "A parameter name=value; the value is JSON when it parses, else a string. Repeatable.")
    var parameters: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: QueryOutputOptions

    func validate() throws {
        guard (query == nil) != (file == nil) else { throw ValidationError("give the query as an argument or with --file, not both") }
    }

    func run() throws {
        let text: String
        if let file {
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ValidationError("cannot read query file \(file): \(error.localizedDescription)")
            }
        } else {
            text = query!
        }
        var bindings: [String: CypherValue] = [:]
        for parameter in parameters {
            do {
                let (name, value) = try CypherValue.parameterBinding(parameter)
                bindings[name] = value
            } catch let error as QueryError {
                throw ValidationError(error.message)
            }
        }
        do {
            // Checked before loading: a typo is reported at once, and a query that reads no
            // evidence loads the store without it (about a second less at 1M papers).
            let graph = try loadStoredGraph(store.path, evidence: try QueryEngine.readsEvidence(text))
            let engine = QueryEngine(graph: graph)
            let result = try engine.run(text, parameters: bindings, limits: output.limits)
            print(ResultFormatter(graph: graph).render(result, as: output.format), terminator: "")
        } catch let error as QueryError {
            let location = file.map { "\($0): " } ?? ""
            FileHandle.standardError.write(Data(("papergraph: " + location + error.render(query: text) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
