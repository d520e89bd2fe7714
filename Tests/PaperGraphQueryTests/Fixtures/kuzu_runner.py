"""Loads the test graph's CSV files into Kuzu and runs the query suite.

Usage: python3 kuzu_runner.py DIR
DIR holds one CSV per node kind (Paper.csv, ...) and per relation (USES.csv, ...)
and queries.json: [{"id", "query", "params", "sort_lists"}]. Writes DIR/results.json:
{id: {"rows": [canonical row, ...]}} or {id: {"error": message}}.

The canonical form is shared with the Swift side (KuzuDifferentialTests.swift):
  null, true, false; numbers: integral -> "12", else "%.6f"; strings: s<len>:<text>
  (len in code points); lists: [a,b] (sorted when sort_lists); nodes: N(Label:key);
  relationships: R(TYPE:FromLabel:fromkey->ToLabel:tokey); paths: P(nodes|rels).
Rows join their cells with " | ".
"""
import json
import os
import shutil
import sys
import tempfile
from decimal import Decimal

import kuzu

NODE_TABLES = {
    "Paper": "key STRING, name STRING, kind STRING, title STRING, abstract STRING, authors STRING[], "
             "published STRING, url STRING",
    "Method": "key STRING, name STRING, kind STRING, aliases STRING[], broader STRING",
    "Benchmark": "key STRING, name STRING, kind STRING, aliases STRING[], domain STRING",
    "Repository": "key STRING, name STRING, kind STRING, url STRING, host STRING",
}
REL_TABLES = {
    "PROPOSES": ("Paper", "Method"), "USES": ("Paper", "Method"), "EVALUATES_ON": ("Paper", "Benchmark"),
    "INTRODUCES": ("Paper", "Benchmark"), "HAS_CODE": ("Paper", "Repository"),
    "SUBSET_OF": ("Benchmark", "Benchmark"), "SPECIALIZES": ("Method", "Method"),
}


def main(directory):
    db_dir = tempfile.mkdtemp(prefix="papergraph-kuzu-")
    try:
        db = kuzu.Database(os.path.join(db_dir, "db"))
        conn = kuzu.Connection(db)
        for table, columns in NODE_TABLES.items():
            conn.execute(f"CREATE NODE TABLE {table}({columns}, PRIMARY KEY(key))")
            conn.execute(f"COPY {table} FROM '{os.path.join(directory, table + '.csv')}' (header=true)")
        for rel, (source, target) in REL_TABLES.items():
            conn.execute(f"CREATE REL TABLE {rel}(FROM {source} TO {target}, evidence STRING[], rule STRING, weight INT64)")
            conn.execute(f"COPY {rel} FROM '{os.path.join(directory, rel + '.csv')}' (header=true)")
        # Internal ids -> Label:key, to name relationship endpoints.
        names = {}
        result = conn.execute("MATCH (n) RETURN n")
        while result.has_next():
            node = result.get_next()[0]
            names[(node["_id"]["table"], node["_id"]["offset"])] = f'{node["_label"]}:{node["key"]}'

        def canon(value, sort_lists):
            if value is None:
                return "null"
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, (int, float, Decimal)):
                f = float(value)
                return str(int(f)) if f == int(f) and abs(f) < 1e15 else "%.6f" % f
            if isinstance(value, str):
                return f"s{len(value)}:{value}"
            if isinstance(value, list):
                items = [canon(v, sort_lists) for v in value]
                return "[" + ",".join(sorted(items) if sort_lists else items) + "]"
            if isinstance(value, dict):
                if "_nodes" in value:
                    return ("P(" + ",".join(canon(n, False) for n in value["_nodes"]) + "|"
                            + ",".join(canon(r, False) for r in value["_rels"]) + ")")
                if "_src" in value:
                    src = names[(value["_src"]["table"], value["_src"]["offset"])]
                    dst = names[(value["_dst"]["table"], value["_dst"]["offset"])]
                    return f'R({value["_label"]}:{src}->{dst})'
                if "_label" in value:
                    return f'N({value["_label"]}:{value["key"]})'
                return "{" + ",".join(f"{k}:{canon(value[k], sort_lists)}" for k in sorted(value)) + "}"
            return f"?{value!r}"

        with open(os.path.join(directory, "queries.json")) as f:
            queries = json.load(f)
        results = {}
        for q in queries:
            try:
                result = conn.execute(q["query"], q.get("params") or {})
                rows = []
                while result.has_next():
                    rows.append(" | ".join(canon(v, q.get("sort_lists", False)) for v in result.get_next()))
                results[q["id"]] = {"rows": rows}
            except Exception as error:  # reported per query, so one bad query does not hide the rest
                results[q["id"]] = {"error": str(error)}
        with open(os.path.join(directory, "results.json"), "w") as f:
            json.dump(results, f, indent=1)
    finally:
        shutil.rmtree(db_dir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
