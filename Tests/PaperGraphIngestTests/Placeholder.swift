import Testing
@testable import PaperGraphIngest
