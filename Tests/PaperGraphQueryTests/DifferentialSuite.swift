@testable import PaperGraphQuery

/// One query of the differential suite: its papergraph text and, where Kuzu's
/// dialect differs, the Kuzu text with the same meaning.
struct DifferentialQuery {
    let id: String
    let papergraph: String
    let kuzu: String
    /// Compare rows in order (the query's final RETURN has a total ORDER BY).
    let ordered: Bool
    /// Lists inside rows are unordered (collect without ORDER BY).
    let sortLists: Bool
    let parameters: [String: CypherValue]

    init(_ id: String, _ papergraph: String, kuzu: String? = nil, sortLists: Bool = false,
         parameters: [String: CypherValue] = [:]) {
        self.id = id
        self.papergraph = papergraph
        self.kuzu = kuzu ?? papergraph
        let tail = papergraph.components(separatedBy: "RETURN").last ?? ""
        self.ordered = tail.contains("ORDER BY")
        self.sortLists = sortLists
        self.parameters = parameters
    }
}

/// The suite. Dialect differences it spells out (Kuzu ⇄ papergraph):
/// - `type(r)` is `label(r)`; `labels(n)` is `[label(n)]`; `relationships(p)` is `rels(p)`;
///   `toLower`/`toUpper` are `lower`/`upper`.
/// - variable-length relationships: Kuzu walks (repeats edges) unless told `* TRAIL`;
///   papergraph, like Neo4j, never repeats a relationship in one MATCH.
/// - fixed-length patterns: Kuzu may bind one relationship twice; the Kuzu text adds `r1 <> r2`.
/// - `shortestPath((a)-[*..n]-(b))` is `(a)-[* SHORTEST 1..n]-(b)`.
/// - Kuzu 0.11.3 corrupts its heap (a later malloc assertion) on `count(DISTINCT x)`
///   next to `collect(...)` in one RETURN, so the suite asks for them separately.
enum DifferentialSuite {
    static let queries: [DifferentialQuery] = [
        .init("count-papers", "MATCH (p:Paper) RETURN count(*)"),
        .init("math-or-gsm8k", #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title"#),
        .init("property-map", #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark {name: "GSM8K"}) RETURN p.key, b.domain"#),
        .init("type-alternatives",
              "MATCH (p:Paper)-[r:USES|PROPOSES]->(m:Method) RETURN type(r) AS t, count(*) AS n ORDER BY t",
              kuzu: "MATCH (p:Paper)-[r:USES|PROPOSES]->(m:Method) RETURN label(r) AS t, count(*) AS n ORDER BY t"),
        .init("incoming", #"MATCH (b:Benchmark {name: "MATH"})<-[:EVALUATES_ON]-(p) RETURN p.key"#),
        .init("undirected", #"MATCH (b:Benchmark {name: "MATH"})-[r]-(x) RETURN x.key, type(r)"#,
              kuzu: #"MATCH (b:Benchmark {name: "MATH"})-[r]-(x) RETURN x.key, label(r)"#),
        .init("relationship-properties",
              #"MATCH (p:Paper)-[r:USES]->(m:Method {name: "LoRA"}) RETURN p.key, r.weight, r.rule, r.evidence"#),
        .init("relationship-variable", #"MATCH (p:Paper)-[r:HAS_CODE]->(:Repository) RETURN r"#),
        .init("comma-patterns",
              #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark), (p)-[:HAS_CODE]->(r:Repository) WHERE b.domain = "code" RETURN DISTINCT p.key, r.key"#),
        .init("several-match",
              #"MATCH (m:Method {name: "Chain-of-Thought"}) MATCH (p:Paper)-[:USES]->(m) MATCH (p)-[:EVALUATES_ON]->(b) RETURN b.name, count(DISTINCT p) AS papers ORDER BY papers DESC, b.name"#),
        .init("optional-match", "MATCH (p:Paper) OPTIONAL MATCH (p)-[:HAS_CODE]->(r:Repository) RETURN p.key, r.key"),
        .init("optional-match-where",
              #"MATCH (b:Benchmark) OPTIONAL MATCH (b)<-[:EVALUATES_ON]-(p:Paper) WHERE p.published STARTS WITH "2024-03" RETURN b.name, count(p) AS n ORDER BY n DESC, b.name"#),
        .init("var-length-star", #"MATCH (b:Benchmark {name: "MATH"})<-[:SUBSET_OF*]-(s) RETURN s.name"#,
              kuzu: #"MATCH (b:Benchmark {name: "MATH"})<-[:SUBSET_OF* TRAIL 1..30]-(s) RETURN s.name"#),
        .init("var-length-exact", #"MATCH (m:Method {name: "LoRA"})-[*2]-(x) RETURN x.key, count(*) AS n"#,
              kuzu: #"MATCH (m:Method {name: "LoRA"})-[* TRAIL 2..2]-(x) RETURN x.key, count(*) AS n"#),
        .init("var-length-range", #"MATCH (a:Method {name: "DPO"})-[:SPECIALIZES*1..3]-(x:Method) RETURN DISTINCT x.name"#,
              kuzu: #"MATCH (a:Method {name: "DPO"})-[:SPECIALIZES* TRAIL 1..3]-(x:Method) RETURN DISTINCT x.name"#),
        .init("var-length-upper", #"MATCH (b:Benchmark {name: "AIME"})-[*..3]-(x:Benchmark) RETURN x.name, count(*) AS paths"#,
              kuzu: #"MATCH (b:Benchmark {name: "AIME"})-[* TRAIL 1..3]-(x:Benchmark) RETURN x.name, count(*) AS paths"#),
        .init("var-length-trail-count", #"MATCH (b:Benchmark {name: "GSM8K"})-[*1..3]-(x) RETURN count(*)"#,
              kuzu: #"MATCH (b:Benchmark {name: "GSM8K"})-[* TRAIL 1..3]-(x) RETURN count(*)"#),
        .init("path-variable", #"MATCH p = (a:Paper {key: "2401.00006"})-[*1..2]->(b) RETURN p"#,
              kuzu: #"MATCH p = (a:Paper {key: "2401.00006"})-[* TRAIL 1..2]->(b) RETURN p"#),
        .init("path-functions",
              "MATCH p = (s:Benchmark)-[:SUBSET_OF*1..2]->(t:Benchmark) RETURN s.name, t.name, length(p), nodes(p), relationships(p)",
              kuzu: "MATCH p = (s:Benchmark)-[:SUBSET_OF* TRAIL 1..2]->(t:Benchmark) RETURN s.name, t.name, length(p), nodes(p), rels(p)"),
        .init("shortest-path",
              #"MATCH (a:Method {name: "LoRA"}), (b:Benchmark {name: "MATH"}) MATCH p = shortestPath((a)-[*]-(b)) RETURN length(p)"#,
              kuzu: #"MATCH (a:Method {name: "LoRA"}), (b:Benchmark {name: "MATH"}) MATCH p = (a)-[* SHORTEST 1..30]-(b) RETURN length(p)"#),
        .init("shortest-path-many",
              #"MATCH (a:Benchmark {name: "HumanEval"}) MATCH p = shortestPath((a)-[*..4]-(b:Method)) RETURN b.name, length(p)"#,
              kuzu: #"MATCH (a:Benchmark {name: "HumanEval"}) MATCH p = (a)-[* SHORTEST 1..4]-(b:Method) RETURN b.name, length(p)"#),
        .init("uniqueness-fixed",
              "MATCH (a:Paper)-[r1:EVALUATES_ON]->(b:Benchmark)<-[r2:EVALUATES_ON]-(c:Paper) RETURN count(*)",
              kuzu: "MATCH (a:Paper)-[r1:EVALUATES_ON]->(b:Benchmark)<-[r2:EVALUATES_ON]-(c:Paper) WHERE r1 <> r2 RETURN count(*)"),
        .init("uniqueness-undirected", #"MATCH (a:Benchmark)-[r1]-(b)-[r2]-(c) WHERE a.name = "MATH" RETURN count(*)"#,
              kuzu: #"MATCH (a:Benchmark)-[r1]-(b)-[r2]-(c) WHERE a.name = "MATH" AND r1 <> r2 RETURN count(*)"#),
        .init("uniqueness-siblings",
              "MATCH (m:Method)-[r1:SPECIALIZES]->(g:Method)<-[r2:SPECIALIZES]-(s:Method) RETURN m.name, s.name",
              kuzu: "MATCH (m:Method)-[r1:SPECIALIZES]->(g:Method)<-[r2:SPECIALIZES]-(s:Method) WHERE r1 <> r2 RETURN m.name, s.name"),
        .init("comparison", #"MATCH (p:Paper) WHERE p.published >= "2024-05" RETURN p.key, p.published ORDER BY p.published, p.key"#),
        .init("is-null", "MATCH (p:Paper) WHERE p.url IS NULL RETURN p.key"),
        .init("is-not-null-not", #"MATCH (b:Benchmark) WHERE b.domain IS NOT NULL AND NOT b.domain = "math" RETURN b.name"#),
        .init("string-predicates",
              #"MATCH (m:Method) WHERE m.name STARTS WITH "Tree" OR m.name ENDS WITH "T" OR m.name CONTAINS "-1" RETURN m.name"#),
        .init("regex", #"MATCH (b:Benchmark) WHERE b.name =~ "MATH.*|M[A-Z]+" RETURN b.name"#),
        .init("regex-case-insensitive", #"MATCH (m:Method) WHERE m.name =~ "(?i)d.o" RETURN m.name"#),
        .init("xor", "MATCH (p:Paper) WHERE (p.url IS NULL) XOR (p.published IS NULL) RETURN p.key"),
        .init("three-valued",
              #"MATCH (b:Benchmark) RETURN b.name, b.domain = "math" AS m, NOT (b.domain = "math") AS n, b.domain = "math" OR b.name = "ARC" AS o, b.domain = "math" AND b.name = "ARC" AS a ORDER BY b.name"#),
        .init("in-with-null", #"MATCH (b:Benchmark) RETURN b.name, b.domain IN ["code", null] AS x ORDER BY b.name"#),
        .init("pattern-predicate", "MATCH (p:Paper) WHERE (p)-[:HAS_CODE]->() RETURN p.key"),
        .init("not-pattern-predicate",
              #"MATCH (p:Paper)-[:EVALUATES_ON]->(:Benchmark {name: "GSM8K"}) WHERE NOT (p)-[:HAS_CODE]->(:Repository) RETURN p.key"#),
        .init("aggregates-grouping",
              "MATCH (p:Paper)-[:USES]->(m:Method) RETURN m.name, count(*) AS uses, count(DISTINCT p) AS papers ORDER BY uses DESC, m.name"),
        .init("collect", "MATCH (p:Paper)-[:USES]->(m:Method) RETURN m.name, count(*) AS uses, collect(p.key) AS keys ORDER BY uses DESC, m.name",
              sortLists: true),
        .init("min-max-avg-sum",
              "MATCH (p:Paper)-[r:USES]->(m:Method) RETURN min(r.weight), max(r.weight), avg(r.weight), sum(r.weight), min(p.published), max(p.published)"),
        .init("group-by-node", "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN b, count(p) AS n ORDER BY n DESC, b.name LIMIT 5"),
        .init("with-where",
              "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WITH b, count(*) AS n WHERE n >= 3 RETURN b.name, n ORDER BY n DESC, b.name"),
        .init("with-order-limit", "MATCH (m:Method) WITH m ORDER BY m.name LIMIT 3 MATCH (p:Paper)-[:USES]->(m) RETURN m.name, count(p)"),
        .init("skip-limit", "MATCH (p:Paper) RETURN p.key ORDER BY p.key DESC SKIP 5 LIMIT 4"),
        .init("order-nulls-last", "MATCH (b:Benchmark) RETURN b.name, b.domain ORDER BY b.domain, b.name"),
        .init("order-desc-nulls-first", "MATCH (p:Paper) RETURN p.key, p.published ORDER BY p.published DESC, p.key"),
        .init("distinct", "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT b.domain"),
        .init("unwind-optional",
              #"UNWIND ["MATH", "GSM8K", "nope"] AS name OPTIONAL MATCH (b:Benchmark {name: name}) RETURN name, b.domain"#),
        .init("unwind-property",
              "MATCH (p:Paper) UNWIND p.authors AS author RETURN author, count(DISTINCT p) AS n ORDER BY n DESC, author"),
        .init("parameter-list", "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN $names RETURN DISTINCT p.key",
              parameters: ["names": .list([.string("HumanEval"), .string("MBPP")])]),
        .init("parameter-scalar", "MATCH (m:Method {name: $m})<-[:USES]-(p) RETURN count(*)",
              parameters: ["m": .string("DPO")]),
        .init("functions",
              #"MATCH (m:Method) WHERE m.name = "LoRA" RETURN toLower(m.name), toUpper(m.name), size(m.name), size(m.aliases), coalesce(m.broader, "none"), labels(m)"#,
              kuzu: #"MATCH (m:Method) WHERE m.name = "LoRA" RETURN lower(m.name), upper(m.name), size(m.name), size(m.aliases), coalesce(m.broader, "none"), [label(m)]"#),
        .init("coalesce", #"MATCH (b:Benchmark) RETURN b.name, coalesce(b.domain, "unknown") AS d ORDER BY b.name"#),
        .init("empty-aggregates", #"MATCH (b:Benchmark {name: "nope"}) RETURN count(*), count(b), sum(1), collect(b.name)"#),
        .init("arithmetic",
              "MATCH (p:Paper)-[r:USES]->() RETURN p.key, sum(r.weight) * 2 + 1 AS score ORDER BY score DESC, p.key LIMIT 5"),
        .init("two-hops", "MATCH (p:Paper)-[:PROPOSES]->(m:Method)-[:SPECIALIZES]->(g:Method) RETURN p.key, m.name, g.name"),
        .init("labels-count", "MATCH (n) RETURN label(n) AS l, count(*) AS c ORDER BY l"),
        .init("types-count", "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t",
              kuzu: "MATCH ()-[r]->() RETURN label(r) AS t, count(*) AS c ORDER BY t"),
        .init("key-prefix", #"MATCH (r:Repository) WHERE r.key STARTS WITH "github.com/t" RETURN r.key, r.host"#),
        .init("title-contains", #"MATCH (p:Paper) WHERE toLower(p.title) CONTAINS "code" RETURN p.title"#,
              kuzu: #"MATCH (p:Paper) WHERE lower(p.title) CONTAINS "code" RETURN p.title"#),
        .init("collect-distinct", "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN p.key, collect(DISTINCT b.domain) AS domains",
              sortLists: true),
        .init("with-computed-where", "MATCH (p:Paper) WITH p, size(p.authors) AS na WHERE na >= 2 RETURN p.key, na"),
        .init("introduced-subsets",
              "MATCH (p:Paper)-[:INTRODUCES]->(b:Benchmark)-[:SUBSET_OF]->(parent:Benchmark) RETURN p.key, b.name, parent.name"),
    ]
}
