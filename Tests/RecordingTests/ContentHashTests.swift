import Recording
import Testing

@Suite("Content hash")
struct ContentHashTests {
    @Test("FNV-1a 64 matches the reference vectors")
    func vectors() {
        #expect(ContentHash(of: Array("".utf8)).value == 0xcbf2_9ce4_8422_2325)
        #expect(ContentHash(of: Array("a".utf8)).value == 0xaf63_dc4c_8601_ec8c)
        #expect(ContentHash(of: Array("foobar".utf8)).value == 0x8594_4171_f739_67e8)
    }

    @Test("the text form is fnv1a64: and 16 lowercase hex digits, and reads back")
    func text() {
        let hash = ContentHash(of: Array("a".utf8))
        #expect(hash.description == "fnv1a64:af63dc4c8601ec8c")
        #expect(ContentHash("fnv1a64:af63dc4c8601ec8c") == hash)
        #expect(ContentHash("fnv1a64:00000000000000ff")?.value == 255)
        #expect(ContentHash("fnv1a64:AF63DC4C8601EC8C") == nil)
        #expect(ContentHash("fnv1a64:af63dc4c8601ec8") == nil)
        #expect(ContentHash("sha256:af63dc4c8601ec8c") == nil)
    }
}
