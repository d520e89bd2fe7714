/// The closed word lists the rules key on, stored as hashes of the lower-cased
/// word so a token is tested without building a string.
///
/// These are English function words and the vocabulary of how papers announce
/// contributions, not names from any corpus: the rules must carry to fields the
/// seed sample never shows.
enum Lexicon {
    /// A word list with its bit in ``Token/classes``.
    struct WordSet: Sendable {
        let mask: UInt64
        let hashes: Set<UInt64>
        func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }
    }

    static func set(_ bit: Int, _ words: [String]) -> WordSet {
        WordSet(mask: 1 << UInt64(bit), hashes: Set(words.map(Bytes.hash)))
    }

    /// Every word list, so one table lookup per token gives all its classes.
    static let all: [WordSet] = [
        abbreviations, leadingArticles, descriptiveSuffixes, wordPrefixes, selfCues, appositiveArticles,
        noveltyWords, dataHeads, techniqueHeads, functionWords, connectors, genericHeads, proposeVerbs,
        proposeBaseVerbs, selfSubjects, namingVerbs, clauseStops, dataNouns, methodNouns, evalCues, notNames,
        genericBenchmarkWords, PaperReader.comparisonCues, PaperReader.improvementWords, PaperReader.fillers,
        PaperReader.listNouns, PaperReader.weakNouns, PaperReader.setQualifiers, PaperReader.onNotEval,
    ]

    /// Word hash → class bits, as an open-addressing table (the hashes are
    /// already well mixed, so no second hash function is needed).
    static let classTable: WordTable = {
        var table = WordTable(capacity: 4096)
        for set in all { for h in set.hashes { table.add(h, set.mask) } }
        return table
    }()

    /// Words before a full stop that does not end a sentence.
    static let abbreviations = set(7, ["al", "vs", "cf", "fig", "figs", "eq", "eqs", "approx", "resp", "e", "i", "g",
                                    "v", "s", "etc", "no", "sec", "ref", "refs", "inc", "ltd", "dr", "prof", "st"])

    /// Words dropped from the front of an acronym's long form.
    static let leadingArticles = set(8, ["the", "a", "an", "our", "this", "novel", "new", "called", "termed", "named"])

    static let and = Bytes.hash("and")
    static let so = Bytes.hash("so")
    static let we = Bytes.hash("we")
    static let `as` = Bytes.hash("as")
    static let to = Bytes.hash("to")
    static let refer = Bytes.hash("refer")
    static let referred = Bytes.hash("referred")
    static let call = Bytes.hash("call")
    static let term = Bytes.hash("term")
    static let dub = Bytes.hash("dub")
    static let it = Bytes.hash("it")
    static let this = Bytes.hash("this")
    static let `is` = Bytes.hash("is")
    static let our = Bytes.hash("our")
    static let on = Bytes.hash("on")
    static let across = Bytes.hash("across")
    static let such = Bytes.hash("such")
    static let like = Bytes.hash("like")
    static let including = Bytes.hash("including")
    static let namely = Bytes.hash("namely")
    static let or = Bytes.hash("or")
    static let compared = Bytes.hash("compared")
    static let with = Bytes.hash("with")
    static let over = Bytes.hash("over")

    /// Last parts of hyphenated words that describe rather than name (`AI-based`).
    static let descriptiveSuffixes = set(9, ["based", "style", "like", "driven", "aware", "guided", "level", "free",
                                          "specific", "only", "augmented", "enhanced", "powered", "centric",
                                          "oriented", "agnostic", "conditioned", "generated", "wise", "scale",
                                          "related", "friendly", "ready", "compatible", "inspired", "assisted",
                                          "labeled", "annotated", "tuned", "trained", "sized", "size", "type",
                                          "step", "shot", "token", "time", "native", "centered", "bound"])

    /// English prefixes that start hyphenated descriptive words (`multi-domain`).
    static let wordPrefixes = set(10, ["multi", "cross", "non", "pre", "post", "semi", "self", "co", "sub", "inter",
                                   "intra", "out", "in", "un", "re", "de", "anti", "meta", "mid", "over", "under",
                                   "bi", "tri", "uni", "mono", "poly", "auto", "hyper", "super", "ultra", "long",
                                   "short", "large", "small", "high", "low", "open", "closed", "real", "well"])

    /// Words that make a sentence about the paper's own work.
    static let selfCues = set(11, ["we", "our", "us", "novel", "propose", "proposes", "introduce", "introduces",
                               "present", "presents"])
    /// Articles that open an appositive ("X, a novel …").
    static let appositiveArticles = set(12, ["a", "an", "the", "our"])
    /// Words that mark a contribution as new.
    static let noveltyWords = set(13, ["novel", "new", "first", "proposed"])

    /// Last words of a long form that make an acronym a dataset or benchmark.
    static let dataHeads = set(14, ["benchmark", "bench", "dataset", "corpus", "understanding", "evaluation",
                                "challenge", "questions", "test", "suite", "arena", "exam", "olympiad",
                                "leaderboard", "treebank", "competition"])
    /// Last words of a long form that make an acronym an established technique.
    static let techniqueHeads = set(15, [
        "learning", "optimization", "optimisation", "fine-tuning", "finetuning", "tuning", "training", "search",
        "sampling", "decoding", "prompting", "distillation", "regression", "process", "processes", "estimation",
        "generation", "alignment", "feedback", "inference", "planning", "programming", "descent", "analysis",
        "augmentation", "normalization", "normalisation", "regularization", "pruning", "quantization",
        "adaptation", "encoding", "embedding", "embeddings", "retrieval", "transfer", "propagation",
        "approximation", "imitation", "cloning", "gradient", "gradients", "attention", "pretraining",
        "pre-training", "modeling", "modelling", "clustering", "factorization", "filtering", "ranking",
        "autoencoder", "autoencoders", "machine", "machines", "forest", "forests", "boosting", "networks",
        "network", "fields", "chain", "chains", "model", "models", "estimator", "policy", "iteration",
        "averaging", "smoothing", "dropout", "pooling", "convolution", "convolutions", "transformer",
        "transformers", "architecture", "interpolation", "matching", "calibration", "verification",
    ])

    /// Words that never start a name, even capitalised.
    static let functionWords = set(16, ["the", "a", "an", "we", "our", "us", "this", "these", "those", "that", "it",
                                    "its", "in", "on", "at", "for", "to", "with", "by", "of", "from", "and", "or",
                                    "but", "however", "moreover", "furthermore", "additionally", "finally",
                                    "specifically", "also", "then", "thus", "hence", "therefore", "here",
                                    "there", "such", "each", "both", "all", "any", "some", "many", "most",
                                    "while", "when", "where", "which", "who", "how", "what", "why", "as", "is",
                                    "are", "was", "were", "be", "been", "can", "may", "not", "no", "via",
                                    "using", "unlike", "despite", "although", "since", "because", "if",
                                    "recent", "existing", "extensive", "experiments", "results", "our",
                                    "new", "novel", "first", "second", "large", "small"])

    /// Lower-case words allowed inside a capitalised name (`Skill Learning with Multiple Critics`).
    static let connectors = set(17, ["of", "for", "with", "and", "via", "to", "in", "on", "the", "from", "by", "as", "a"])

    /// Last words that make a capitalised phrase a description of a model
    /// class rather than a name (`Large Language Models`).
    static let genericHeads = set(18, ["model", "models", "llm", "llms", "lms", "language", "languages", "network",
                                   "networks", "task", "tasks", "data", "methods", "approaches", "systems",
                                   "agents", "abilities", "ability", "capabilities", "performance", "results",
                                   "paper", "work", "study", "survey", "review", "ai", "intelligence"])

    /// Verbs announcing the paper's own contribution ("we propose X").
    static let proposeVerbs = set(19, ["propose", "proposes", "proposed", "introduce", "introduces", "introduced",
                                   "present", "presents", "presented", "develop", "develops", "developed",
                                   "design", "designs", "designed", "devise", "devised", "build", "built",
                                   "create", "created", "construct", "constructed", "release", "released",
                                   "contribute", "offer", "unveil",
                                   "curate", "curated", "collect", "collected"])
    /// Base forms of the proposal verbs: with "we" anywhere earlier in the
    /// sentence ("we challenge … and propose X") they still announce the paper's work.
    static let proposeBaseVerbs = set(20, ["propose", "introduce", "present", "develop", "design", "devise", "build",
                                       "create", "construct", "release", "contribute", "offer", "unveil",
                                       "curate", "collect"])
    /// Pronouns that make a proposal verb the paper's own.
    static let selfSubjects = set(21, ["we", "paper", "work", "study", "article", "here", "this"])

    /// "termed X", "called X", "named X", "dubbed X", "coined X".
    static let namingVerbs = set(22, ["termed", "called", "named", "dubbed", "coined", "nicknamed", "denoted", "entitled", "titled"])

    /// Words that end the search for a proposed name: the clause moved on.
    static let clauseStops = set(23, ["that", "which", "where", "who", "whose", "to", "by", "when", "while", "because",
                                  "since", "if", "how", "whether", "what", "as", "than", "via", "through",
                                  "from", "into", "against", "across", "over", "under", "between", "among",
                                  "is", "are", "was", "were", "be", "can", "could", "would", "should", "will",
                                  "improves", "outperforms", "achieves", "shows", "show", "demonstrate",
                                  "demonstrates", "enables", "allows", "leverages", "uses", "using", "based",
                                  "trained", "evaluate", "evaluated", "including", "such", "e.g", "namely", "like"])

    /// Head nouns of contributions that are data rather than methods.
    static let dataNouns = set(24, ["benchmark", "benchmarks", "dataset", "datasets", "corpus", "corpora",
                                "suite", "testbed", "test-bed", "leaderboard", "arena", "collection", "bench",
                                "gym", "environment", "environments", "challenge", "database", "treebank"])
    /// Head nouns that make "X, a …" or "we propose … X" a method contribution.
    static let methodNouns = set(25, ["framework", "method", "approach", "algorithm", "model", "models", "system",
                                  "technique", "strategy", "architecture", "network", "agent", "pipeline",
                                  "paradigm", "mechanism", "module", "scheme", "procedure", "objective", "loss",
                                  "metric", "estimator", "tool", "toolkit", "library", "platform", "recipe",
                                  "policy", "protocol", "formulation", "solver", "learner", "planner", "encoder",
                                  "decoder", "transformer", "prompting", "training", "tuning", "fine-tuning",
                                  "optimization", "method", "variant", "extension", "family", "tutor", "assistant",
                                  "layer", "operator", "regularizer", "regularization", "attack", "defense",
                                  "sampler", "search", "curriculum", "critic", "controller", "simulator"])

    /// Cue words marking the sentence as reporting evaluation.
    static let evalCues = set(26, ["evaluate", "evaluates", "evaluated", "evaluating", "evaluation", "evaluations",
                               "experiment", "experiments", "experimental", "results", "result", "outperform",
                               "outperforms", "outperforming", "outperformed", "achieve", "achieves", "achieving",
                               "achieved", "benchmark", "benchmarks", "state-of-the-art", "sota", "accuracy",
                               "surpass", "surpasses", "surpassing", "improves", "improvement", "improvements",
                               "gains", "tested", "test", "validate", "validated", "performance", "scores",
                               "datasets", "dataset", "yields", "reaching", "reaches", "obtains", "sets",
                               "demonstrate", "demonstrates", "show", "shows", "including", "such", "matches", "improved", "boost",
                               "boosts", "boosting", "gain", "reported", "report", "reports", "attains", "attain"])

    /// Words that, capitalised at a sentence start or in a title, are still not names.
    static let notNames = set(27, [
        "we", "our", "this", "these", "the", "a", "an", "in", "on", "for", "to", "with", "by", "however",
        "moreover", "furthermore", "additionally", "finally", "specifically", "experiments", "experimental",
        "results", "extensive", "existing", "recent", "large", "language", "models", "model", "learning",
        "deep", "neural", "reinforcement", "towards", "toward", "beyond", "rethinking", "revisiting",
        "understanding", "improving", "learning", "scaling", "training", "on", "when", "how", "why", "what",
        "can", "do", "does", "is", "are", "unlocking", "enhancing", "boosting", "benchmarking", "evaluating",
        "exploring", "investigating", "measuring", "democratizing", "bridging", "augmenting", "optimizing",
        "enable", "enabling", "making", "teaching", "training", "critique", "confidence", "reasoning",
        "internal", "long", "feedback", "random", "reward", "data", "discovering", "continual", "online",
        "efficient", "scalable", "simple", "general", "generalist", "agent", "agents", "survey", "review",
        "overview", "tutorial", "position", "introduction", "appendix", "github", "hugging", "face", "huggingface",
        "python", "pytorch", "tensorflow", "jax", "english", "chinese", "french", "german", "spanish", "japanese",
        "korean", "arabic", "russian", "hindi", "asr", "tts", "ner", "ocr", "mt", "nlu", "nlg", "ir", "kg", "lrm", "lrms", "lmm", "lmms", "vla", "vlas", "rlm", "gnn", "gnns", "i", "ii", "iii", "iv", "v", "part", "ai", "ml", "nlp", "cv",
        "llm", "llms", "lm", "lms", "mllm", "mllms", "vlm", "vlms", "lvlm", "lvlms", "slm", "slms", "gpu", "gpus",
        "cpu", "tpu", "api", "apis", "url", "sota", "us", "usa", "uk", "eu", "i.e", "e.g", "io", "pdf", "html",
        "json", "sql", "x", "y", "z", "k", "n", "m", "t", "q", "p", "r", "f1", "top-1", "top-5", "pass@1", "qa",
        "vqa", "rl", "sl", "it", "its", "their", "they", "such", "both", "each", "all", "any", "one", "two",
        "three", "first", "second", "third", "new", "novel", "key", "core", "main", "code", "dataset", "benchmark",
        "method", "framework", "approach", "system", "table", "figure", "section", "task", "tasks", "state",
        "o", "and", "or", "of", "at", "from", "as", "that", "which", "then", "there", "here", "also", "only",
        "given", "using", "based", "via", "across", "among", "under", "over", "after", "before", "while",
        "theory", "method", "application", "applications", "foundation", "mechanism", "study", "analysis",
        "lessons", "insights", "attention", "transformers", "transformer", "diffusion", "graph",
        "graphs", "vision", "speech", "audio", "video", "image", "images", "text", "robot", "robots", "robotic",
        "multi", "cross", "zero", "few", "one-shot", "zero-shot", "few-shot", "end-to-end", "chatgpt",
    ])

    /// Generic modifiers that precede "benchmark"/"dataset" without naming one.
    static let genericBenchmarkWords = set(28, [
        "several", "various", "multiple", "many", "different", "diverse", "standard", "popular", "common",
        "public", "publicly", "available", "widely", "widely-used", "well-known", "existing", "challenging",
        "real-world", "synthetic", "large-scale", "small-scale", "benchmark", "benchmarks", "new", "novel",
        "our", "the", "a", "an", "these", "those", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "both", "all", "each", "other", "mathematical", "math", "reasoning", "coding", "code", "vision",
        "language", "text", "image", "video", "audio", "speech", "graph", "tabular", "medical", "clinical",
        "downstream", "representative", "classic", "classical", "established", "comprehensive", "held-out",
        "out-of-domain", "in-domain", "ood", "evaluation", "test", "training", "validation", "open", "open-source",
        "proprietary", "private", "internal", "external", "additional", "further", "key", "major", "prominent",
        "leading", "recent", "latest", "existing", "competitive", "difficult", "hard", "easy", "simple", "complex",
        "unseen", "seen", "target", "source", "English", "multilingual", "translation", "and", "or", "of", "on",
        "in", "with", "across", "over", "for", "including", "such", "as", "like", "e.g", "i.e", "three", "popular",
        "agentic", "interactive", "static", "dynamic", "zero-shot", "few-shot", "human", "curated", "annotated",
    ])
}

/// A fixed-size hash table from word hash to class bits.
struct WordTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private let mask: Int

    init(capacity: Int) {
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    mutating func add(_ key: UInt64, _ bits: UInt64) {
        var i = Int(truncatingIfNeeded: key >> 7) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        keys[i] = key
        values[i] |= bits
    }

    @inline(__always) func lookup(_ key: UInt64) -> UInt64 {
        var i = Int(truncatingIfNeeded: key >> 7) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return 0 }
            i = (i + 1) & mask
        }
    }
}
