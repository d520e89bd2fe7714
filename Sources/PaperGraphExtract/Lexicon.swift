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

    static func set(_ mask: UInt64, _ words: [String]) -> WordSet {
        WordSet(mask: mask, hashes: Set(words.map(Bytes.hash)))
    }

    /// Every word list, so one table lookup per token gives all its classes.
    static let all: [WordSet] = [
        abbreviations, leadingArticles, descriptiveSuffixes, wordPrefixes, selfCues, appositiveArticles,
        noveltyWords, dataHeads, techniqueHeads, functionWords, connectors, genericHeads, proposeVerbs,
        proposeBaseVerbs, selfSubjects, namingVerbs, clauseStops, dataNouns, methodNouns, evalCues, notNames,
        genericBenchmarkWords, PaperReader.comparisonCues, PaperReader.improvementWords, PaperReader.fillers,
        PaperReader.listNouns, PaperReader.weakNouns, PaperReader.setQualifiers, PaperReader.onNotEval,
        negationCues, negationStops, prepositions, proposeGerunds, setNouns,
    ]

    /// Word hash → class bits, as an open-addressing table (the hashes are
    /// already well mixed, so no second hash function is needed).
    static let classTable: WordTable = {
        var table = WordTable(capacity: 2048)
        for set in all { for h in set.hashes { table.add(h, set.mask) } }
        return table
    }()

    /// Words before a full stop that does not end a sentence.
    static let abbreviations = set(WordClass.abbreviations, ["al", "vs", "cf", "fig", "figs", "eq", "eqs", "approx", "resp", "e", "i", "g",
                                    "v", "s", "etc", "no", "sec", "ref", "refs", "inc", "ltd", "dr", "prof", "st"])

    /// Words dropped from the front of an acronym's long form.
    static let leadingArticles = set(WordClass.leadingArticles, ["the", "a", "an", "our", "this", "novel", "new", "called", "termed", "named"])

    // Single cue words, as their ``Bytes/hash(_:)`` written out: a literal
    // constant is a plain load, while `Bytes.hash("and")` made every use in a
    // token loop go through a lazy-initialisation check (`swift_once`, 4% of
    // extraction). `LexiconTests` checks each against the hash function.
    static let and: UInt64 = 0xe6f79719051ff286 // "and"
    static let so: UInt64 = 0x08d93907b57933d7 // "so"
    static let we: UInt64 = 0x08cb5307b56d22a9 // "we"
    static let `as`: UInt64 = 0x089c5507b545b54d // "as"
    static let to: UInt64 = 0x08c83907b56ac0a4 // "to"
    static let refer: UInt64 = 0xb48882f31e7e48b5 // "refer"
    static let referred: UInt64 = 0xefa970bd726ed4ac // "referred"
    static let call: UInt64 = 0xb5167a90e83ba4a9 // "call"
    static let term: UInt64 = 0xf9e3d9ef1979df37 // "term"
    static let dub: UInt64 = 0xca643618f43484f0 // "dub"
    static let it: UInt64 = 0x08b73e07b55c55f0 // "it"
    static let this: UInt64 = 0x2587bcef32493841 // "this"
    static let these: UInt64 = 0xeaf1ba725db4c0c8 // "these"
    static let `is`: UInt64 = 0x08b74507b55c61d5 // "is"
    static let our: UInt64 = 0x19f7991921bbcc99 // "our"
    static let on: UInt64 = 0x08b05807b5566370 // "on"
    static let across: UInt64 = 0x9480f140ae03f124 // "across"
    static let such: UInt64 = 0xb6cd691921c53a5e // "such"
    static let like: UInt64 = 0xbf5c99ad695db7d6 // "like"
    static let including: UInt64 = 0xf6bd22e8ea1b8a30 // "including"
    static let namely: UInt64 = 0xfc96e0e8e7747285 // "namely"
    static let or: UInt64 = 0x08b05407b5565ca4 // "or"
    static let compared: UInt64 = 0xacb28ac3f4b247f0 // "compared"
    static let with: UInt64 = 0xa66b06f655a0c2e9 // "with"
    static let over: UInt64 = 0xc2a38db44454a06f // "over"
    static let only: UInt64 = 0x072ddab46af04ab7 // "only"
    static let of: UInt64 = 0x08b06007b5567108 // "of"
    static let the: UInt64 = 0x56f5c9194461d57c // "the"
    static let both: UInt64 = 0xcd17f69bc69bbca2 // "both"
    static let allWord: UInt64 = 0xe6f09b190519daa4 // "all"
    static let `for`: UInt64 = 0xdcb27818fed9da90 // "for"
    static let free: UInt64 = 0x7f625478d788e11b // "free"
    static let based: UInt64 = 0xd6f577826e05d594 // "based"

    /// Last parts of hyphenated words that describe rather than name (`AI-based`).
    static let descriptiveSuffixes = set(WordClass.descriptiveSuffixes, ["based", "style", "like", "driven", "aware", "guided", "level", "free",
                                          "specific", "only", "augmented", "enhanced", "powered", "centric",
                                          "oriented", "agnostic", "conditioned", "generated", "wise", "scale",
                                          "related", "friendly", "ready", "compatible", "inspired", "assisted",
                                          "labeled", "annotated", "tuned", "trained", "sized", "size", "type",
                                          "step", "shot", "token", "time", "native", "centered", "bound"])

    /// English prefixes that start hyphenated descriptive words (`multi-domain`).
    static let wordPrefixes = set(WordClass.wordPrefixes, ["multi", "cross", "non", "pre", "post", "semi", "self", "co", "sub", "inter",
                                   "intra", "out", "in", "un", "re", "de", "anti", "meta", "mid", "over", "under",
                                   "bi", "tri", "uni", "mono", "poly", "auto", "hyper", "super", "ultra", "long",
                                   "short", "large", "small", "high", "low", "open", "closed", "real", "well"])

    /// Words that make a sentence about the paper's own work.
    static let selfCues = set(WordClass.selfCues, ["we", "our", "us", "novel", "propose", "proposes", "introduce", "introduces",
                               "present", "presents"])
    /// Articles that open an appositive ("X, a novel …").
    static let appositiveArticles = set(WordClass.appositiveArticles, ["a", "an", "the", "our"])
    /// Words that mark a contribution as new.
    static let noveltyWords = set(WordClass.noveltyWords, ["novel", "new", "first", "proposed"])

    /// Last words of a long form that make an acronym a dataset or benchmark.
    static let dataHeads = set(WordClass.dataHeads, ["benchmark", "bench", "dataset", "corpus", "understanding", "evaluation",
                                "challenge", "questions", "test", "suite", "arena", "exam", "olympiad",
                                "leaderboard", "treebank", "competition"])
    /// Last words of a long form that make an acronym an established technique.
    static let techniqueHeads = set(WordClass.techniqueHeads, [
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
    static let functionWords = set(WordClass.functionWords, ["the", "a", "an", "we", "our", "us", "this", "these", "those", "that", "it",
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
    static let connectors = set(WordClass.connectors, ["of", "for", "with", "and", "via", "to", "in", "on", "the", "from", "by", "as", "a"])

    /// Last words that make a capitalised phrase a description of a model
    /// class rather than a name (`Large Language Models`).
    static let genericHeads = set(WordClass.genericHeads, ["model", "models", "llm", "llms", "lms", "language", "languages", "network",
                                   "networks", "task", "tasks", "data", "methods", "approaches", "systems",
                                   "agents", "abilities", "ability", "capabilities", "performance", "results",
                                   "paper", "work", "study", "survey", "review", "ai", "intelligence"])

    /// Verbs announcing the paper's own contribution ("we propose X").
    static let proposeVerbs = set(WordClass.proposeVerbs, ["propose", "proposes", "proposed", "introduce", "introduces", "introduced",
                                   "present", "presents", "presented", "develop", "develops", "developed",
                                   "design", "designs", "designed", "devise", "devised", "build", "built",
                                   "create", "created", "construct", "constructed", "release", "released",
                                   "contribute", "offer", "unveil", "releasing", "introducing", "proposing", "presenting",
                                   "curate", "curated", "collect", "collected", "describe", "describes"])
    /// Base forms of the proposal verbs: with "we" anywhere earlier in the
    /// sentence ("we challenge … and propose X") they still announce the paper's work.
    static let proposeBaseVerbs = set(WordClass.proposeBaseVerbs, ["propose", "introduce", "present", "develop", "design", "devise", "build",
                                       "create", "construct", "release", "contribute", "offer", "unveil",
                                       "curate", "collect"])
    /// Participles of the proposal verbs. Their subject is the paper itself
    /// ("by proposing a … model (SASRec)", "We are releasing the …"), so they
    /// need no "we" before them.
    static let proposeGerunds = set(WordClass.proposeGerunds, ["proposing", "introducing", "presenting", "releasing"])

    /// Words that open a negation scope: a method named inside it is not used
    /// ("does not require reinforcement learning", "without fine-tuning",
    /// "eliminating the need for hyperparameter tuning"). "not"/"no" are
    /// included; "not only" is excluded where the scope is read.
    static let negationCues = set(WordClass.negationCues, ["without", "not", "no", "eliminating", "eliminates", "eliminate",
                                   "removing", "removes", "dispensing", "dispenses", "obviating", "obviates",
                                   "avoiding", "avoids", "free"])

    /// Words that close a negation scope: what follows is affirmed ("without
    /// fine-tuning, using in-context learning", "not X but Y").
    static let negationStops = set(WordClass.negationStops, ["but", "instead", "rather", "using", "uses", "use", "via",
                                   "while", "whereas", "which", "relying", "leveraging", "through"])

    /// "set"/"sets": a data head only after a set qualifier ("a new evaluation set").
    static let setNouns = set(WordClass.setNouns, ["set", "sets"])

    /// Prepositions after which a proposal clause names a setting or a task
    /// ("we present analysis on CIFAR-10", "a model for LSTF"), not the contribution.
    static let prepositions = set(WordClass.prepositions, ["on", "with", "for", "in", "of", "at"])

    /// Pronouns that make a proposal verb the paper's own.
    static let selfSubjects = set(WordClass.selfSubjects, ["we", "paper", "work", "study", "article", "here", "this"])

    /// "termed X", "called X", "named X", "dubbed X", "coined X".
    static let namingVerbs = set(WordClass.namingVerbs, ["termed", "called", "named", "dubbed", "coined", "nicknamed", "denoted", "entitled", "titled"])

    /// Words that end the search for a proposed name: the clause moved on.
    static let clauseStops = set(WordClass.clauseStops, ["that", "which", "where", "who", "whose", "to", "by", "when", "while", "because",
                                  "since", "if", "how", "whether", "what", "as", "than", "via", "through",
                                  "from", "into", "against", "across", "over", "under", "between", "among",
                                  "is", "are", "was", "were", "be", "can", "could", "would", "should", "will",
                                  "improves", "outperforms", "achieves", "shows", "show", "demonstrate",
                                  "demonstrates", "enables", "allows", "leverages", "uses", "using", "based",
                                  "trained", "evaluate", "evaluated", "including", "such", "e.g", "namely", "like"])

    /// Head nouns of contributions that are data rather than methods.
    static let dataNouns = set(WordClass.dataNouns, ["benchmark", "benchmarks", "dataset", "datasets", "corpus", "corpora",
                                "suite", "testbed", "test-bed", "leaderboard", "arena", "collection", "bench",
                                "gym", "environment", "environments", "challenge", "database", "treebank"])
    /// Head nouns that make "X, a …" or "we propose … X" a method contribution.
    static let methodNouns = set(WordClass.methodNouns, ["framework", "method", "approach", "algorithm", "model", "models", "system",
                                  "technique", "strategy", "architecture", "network", "agent", "pipeline",
                                  "paradigm", "mechanism", "module", "scheme", "procedure", "objective", "loss",
                                  "metric", "estimator", "tool", "toolkit", "library", "platform", "recipe",
                                  "policy", "protocol", "formulation", "solver", "learner", "planner", "encoder",
                                  "decoder", "transformer", "prompting", "training", "tuning", "fine-tuning",
                                  "optimization", "method", "variant", "extension", "family", "tutor", "assistant",
                                  "layer", "operator", "regularizer", "regularization", "attack", "defense",
                                  "sampler", "search", "curriculum", "critic", "controller", "simulator"])

    /// Cue words marking the sentence as reporting evaluation.
    static let evalCues = set(WordClass.evalCues, ["evaluate", "evaluates", "evaluated", "evaluating", "evaluation", "evaluations",
                               "experiment", "experiments", "experimental", "results", "result", "outperform",
                               "outperforms", "outperforming", "outperformed", "achieve", "achieves", "achieving",
                               "achieved", "benchmark", "benchmarks", "state-of-the-art", "sota", "accuracy",
                               "surpass", "surpasses", "surpassing", "improves", "improvement", "improvements",
                               "gains", "tested", "test", "validate", "validated", "performance", "scores",
                               "datasets", "dataset", "yields", "reaching", "reaches", "obtains", "sets",
                               "demonstrate", "demonstrates", "show", "shows", "including", "such", "matches", "improved", "boost",
                               "boosts", "boosting", "gain", "reported", "report", "reports", "attains", "attain"])

    /// Words that, capitalised at a sentence start or in a title, are still not names.
    static let notNames = set(WordClass.notNames, [
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
    static let genericBenchmarkWords = set(WordClass.genericBenchmarkWords, [
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

/// The bit of each word list in ``Token/classes``: literal constants, so the
/// per-token tests in the rules' loops read no lazily initialised globals.
enum WordClass {
    static let comparisonCues: UInt64 = 1 << 0
    static let improvementWords: UInt64 = 1 << 1
    static let fillers: UInt64 = 1 << 2
    static let listNouns: UInt64 = 1 << 3
    static let weakNouns: UInt64 = 1 << 4
    static let setQualifiers: UInt64 = 1 << 5
    static let onNotEval: UInt64 = 1 << 6
    static let abbreviations: UInt64 = 1 << 7
    static let leadingArticles: UInt64 = 1 << 8
    static let descriptiveSuffixes: UInt64 = 1 << 9
    static let wordPrefixes: UInt64 = 1 << 10
    static let selfCues: UInt64 = 1 << 11
    static let appositiveArticles: UInt64 = 1 << 12
    static let noveltyWords: UInt64 = 1 << 13
    static let dataHeads: UInt64 = 1 << 14
    static let techniqueHeads: UInt64 = 1 << 15
    static let functionWords: UInt64 = 1 << 16
    static let connectors: UInt64 = 1 << 17
    static let genericHeads: UInt64 = 1 << 18
    static let proposeVerbs: UInt64 = 1 << 19
    static let proposeBaseVerbs: UInt64 = 1 << 20
    static let selfSubjects: UInt64 = 1 << 21
    static let namingVerbs: UInt64 = 1 << 22
    static let clauseStops: UInt64 = 1 << 23
    static let dataNouns: UInt64 = 1 << 24
    static let methodNouns: UInt64 = 1 << 25
    static let evalCues: UInt64 = 1 << 26
    static let notNames: UInt64 = 1 << 27
    static let genericBenchmarkWords: UInt64 = 1 << 28
    static let negationCues: UInt64 = 1 << 29
    static let prepositions: UInt64 = 1 << 30
    static let proposeGerunds: UInt64 = 1 << 31
    static let negationStops: UInt64 = 1 << 32
    static let setNouns: UInt64 = 1 << 33
}

/// A fixed-size hash table from word hash to class bits.
///
/// Every word token is looked up once, so the table is kept small (2,048
/// slots for about 800 words) and each key sits beside its value: one cache
/// line per probe, where separate key and value arrays of 4,096 cost two misses.
struct WordTable: Sendable {
    /// Slot `i` is `slots[2i]` (the key, 0 when empty) and `slots[2i + 1]` (its bits).
    private var slots: [UInt64]
    private let mask: Int

    init(capacity: Int) {
        slots = Array(repeating: 0, count: 2 * capacity)
        mask = capacity - 1
    }

    mutating func add(_ key: UInt64, _ bits: UInt64) {
        var i = Int(truncatingIfNeeded: key >> 7) & mask
        while slots[2 * i] != 0 && slots[2 * i] != key { i = (i + 1) & mask }
        slots[2 * i] = key
        slots[2 * i + 1] |= bits
    }

    @inline(__always) func lookup(_ key: UInt64) -> UInt64 {
        var i = Int(truncatingIfNeeded: key >> 7) & mask
        while true {
            let k = slots[2 * i]
            if k == key { return slots[2 * i + 1] }
            if k == 0 { return 0 }
            i = (i + 1) & mask
        }
    }
}
