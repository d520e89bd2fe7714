import Testing
@testable import PaperGraphExtract

/// The cue words' hashes are written out as literals (so reading one in a
/// token loop is a plain load); each must be what tokenising computes.
@Suite struct LexiconTests {
    @Test func cueWordConstantsAreTheirHashes() {
        #expect(Lexicon.and == Bytes.hash("and"))
        #expect(Lexicon.so == Bytes.hash("so"))
        #expect(Lexicon.we == Bytes.hash("we"))
        #expect(Lexicon.`as` == Bytes.hash("as"))
        #expect(Lexicon.to == Bytes.hash("to"))
        #expect(Lexicon.refer == Bytes.hash("refer"))
        #expect(Lexicon.referred == Bytes.hash("referred"))
        #expect(Lexicon.call == Bytes.hash("call"))
        #expect(Lexicon.term == Bytes.hash("term"))
        #expect(Lexicon.dub == Bytes.hash("dub"))
        #expect(Lexicon.it == Bytes.hash("it"))
        #expect(Lexicon.this == Bytes.hash("this"))
        #expect(Lexicon.these == Bytes.hash("these"))
        #expect(Lexicon.`is` == Bytes.hash("is"))
        #expect(Lexicon.our == Bytes.hash("our"))
        #expect(Lexicon.on == Bytes.hash("on"))
        #expect(Lexicon.across == Bytes.hash("across"))
        #expect(Lexicon.such == Bytes.hash("such"))
        #expect(Lexicon.like == Bytes.hash("like"))
        #expect(Lexicon.including == Bytes.hash("including"))
        #expect(Lexicon.namely == Bytes.hash("namely"))
        #expect(Lexicon.or == Bytes.hash("or"))
        #expect(Lexicon.compared == Bytes.hash("compared"))
        #expect(Lexicon.with == Bytes.hash("with"))
        #expect(Lexicon.over == Bytes.hash("over"))
        #expect(Lexicon.only == Bytes.hash("only"))
        #expect(Lexicon.of == Bytes.hash("of"))
        #expect(Lexicon.the == Bytes.hash("the"))
        #expect(Lexicon.both == Bytes.hash("both"))
        #expect(Lexicon.allWord == Bytes.hash("all"))
        #expect(Lexicon.for == Bytes.hash("for"))
        #expect(Lexicon.free == Bytes.hash("free"))
        #expect(Lexicon.based == Bytes.hash("based"))
    }

    @Test func hashFoldsASCIICase() {
        #expect(Bytes.hash("Compared") == Bytes.hash("compared"))
        #expect(Bytes.hash("on") != Bytes.hash("of"))
    }
}
