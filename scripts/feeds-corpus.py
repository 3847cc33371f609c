#!/usr/bin/env python3
"""Writes the feed corpus under src/test/resources/feeds/corpus/ and its expected.tsv (run once; both committed).

Each line of expected.tsv: file, the Content-Type to serve it with ("-": none), and the expected headlines
joined by " | ", or "!" and the refusal's reason. FeedCorpusTest serves every file over HTTP and compares.
"""
import base64
import os
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "feeds", "corpus")
cases = []  # (name, bytes, content type, expected)


def add(name, data, ctype, expected):
    if isinstance(expected, list):
        expected = " | ".join(expected)
    cases.append((name, data, ctype or "-", expected))


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss2(titles, decl=None, raw=False):
    items = "".join("<item><title>%s</title><guid>g%d</guid></item>" % (t if raw else esc(t), i) for i, t in enumerate(titles))
    head = '<?xml version="1.0" encoding="%s"?>\n' % decl if decl else ""
    return head + ('<rss version="2.0"><channel><title>News</title><link>http://news.test/</link>'
                   "<description>d</description>%s</channel></rss>" % items)


def atom10(entries, decl=None):
    head = '<?xml version="1.0" encoding="%s"?>\n' % decl if decl else ""
    body = "".join("<entry><id>urn:e%d</id><updated>2026-11-27T10:00:00Z</updated>%s</entry>" % (i, e)
                   for i, e in enumerate(entries))
    return head + ('<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>urn:feed</id>'
                   "<updated>2026-11-27T10:00:00Z</updated>%s</feed>" % body)


def atom03(entries):
    body = "".join("<entry><id>tag:news.test,2026:%d</id><issued>2026-11-27T10:00:00Z</issued>%s</entry>" % (i, e)
                   for i, e in enumerate(entries))
    return '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>News</title>%s</feed>' % body


U8 = "utf-8"

# ---- 1. every format the README claims (UTF-8)
add("rss090.rdf", ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">'
                   "<channel><title>N</title><link>http://n.test/</link><description>d</description></channel>"
                   "<item><title>RSS 0.90 headline about the river ferry</title><link>http://n.test/1</link></item>"
                   "<item><title>Second 0.90 item on grain prices</title><link>http://n.test/2</link></item></rdf:RDF>").encode(),
    "application/rdf+xml", ["RSS 0.90 headline about the river ferry", "Second 0.90 item on grain prices"])
add("rss091-netscape.xml", ('<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                            '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>N</title>'
                            "<link>http://n.test/</link><description>d</description><language>en</language>"
                            "<item><title>Netscape 0.91 item on the town hall</title><link>http://n.test/1</link></item></channel></rss>").encode(),
    "application/rss+xml", "Netscape 0.91 item on the town hall")
add("rss091-userland.xml", ('<rss version="0.91"><channel><title>N</title><link>http://n.test/</link><description>d</description>'
                            "<item><title>Userland 0.91 item on the new library</title><link>http://n.test/1</link>"
                            "<description>Opens Monday.</description></item></channel></rss>").encode(),
    "text/xml", "Userland 0.91 item on the new library")
for version in ("0.92", "0.93", "0.94"):
    add("rss%s.xml" % version.replace(".", ""), ('<rss version="%s"><channel><title>N</title><link>http://n.test/</link><description>d</description>'
                                                 "<item><title>RSS %s item on harbour dredging</title><description>More</description></item>"
                                                 "<item><description>A %s item with no title but a description</description></item></channel></rss>" % (version, version, version)).encode(),
        "application/rss+xml", ["RSS %s item on harbour dredging" % version, "A %s item with no title but a description" % version])
add("rss10.rdf", ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="http://n.test/"><title>N</title>'
                  "<link>http://n.test/</link><description>d</description></channel>"
                  '<item rdf:about="http://n.test/1"><title>RSS 1.0 item on the valley dam</title><link>http://n.test/1</link>'
                  "<dc:date>2026-11-27T08:00:00Z</dc:date></item></rdf:RDF>").encode(),
    "application/rdf+xml", "RSS 1.0 item on the valley dam")
add("rss20.xml", rss2(["RSS 2.0 item on the tram line", "RSS 2.0 item on market close"]).encode(), "application/rss+xml",
    ["RSS 2.0 item on the tram line", "RSS 2.0 item on market close"])
add("rss20-namespaces.xml", ('<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                             'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
                             '<title>N</title><link>http://n.test/</link><description>d</description>'
                             '<atom:link rel="self" href="http://n.test/rss"/><item><title>Namespaced RSS 2.0 item</title>'
                             "<dc:creator>A. Writer</dc:creator><content:encoded><![CDATA[<p>Body</p>]]></content:encoded>"
                             "</item></channel></rss>").encode(), "application/rss+xml", "Namespaced RSS 2.0 item")
add("atom03.xml", atom03(["<title>Atom 0.3 item on the lighthouse</title>",
                          '<title mode="escaped">Atom 0.3 escaped &amp;lt;i&amp;gt;title&amp;lt;/i&amp;gt;</title>']).encode(),
    "application/atom+xml", ["Atom 0.3 item on the lighthouse", "Atom 0.3 escaped title"])
add("atom10.xml", atom10(["<title>Atom 1.0 item on the mountain pass</title>",
                          '<title type="html">Atom 1.0 &lt;b&gt;html&lt;/b&gt; title</title>',
                          '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Atom 1.0 <em>xhtml</em> title</div></title>']).encode(),
    "application/atom+xml", ["Atom 1.0 item on the mountain pass", "Atom 1.0 html title", "Atom 1.0 xhtml title"])
add("atom10-no-namespace.xml", "<feed><title>N</title><entry><title>Namespace-less feed item on ferries</title><id>1</id></entry></feed>".encode(),
    "application/xml", "Namespace-less feed item on ferries")
add("atom03-no-namespace.xml", '<feed version="0.3"><title>N</title><entry><title>Namespace-less 0.3 item on bridges</title><id>1</id></entry></feed>'.encode(),
    "application/xml", "Namespace-less 0.3 item on bridges")
add("jsonfeed10.json", ('{"version":"https://jsonfeed.org/version/1","title":"N","items":[{"id":"1","title":"JSON Feed 1.0 item on rail",'
                        '"content_text":"x","author":{"name":"A"}},{"id":"2","content_html":"<p>Untitled <b>JSON</b> item</p>"}]}').encode(),
    "application/json", ["JSON Feed 1.0 item on rail", "Untitled JSON item"])
add("jsonfeed11.json", ('{"version":"https://jsonfeed.org/version/1.1","title":"N","items":[{"id":"1","title":"JSON Feed 1.1 item on \\u00e9lections",'
                        '"authors":[{"name":"B"}]},{"id":"2","title":"Caf\u00e9 &amp; bar reopen"}]}').encode(),
    "application/feed+json", ["JSON Feed 1.1 item on \u00e9lections", "Caf\u00e9 & bar reopen"])
add("jsonfeed11-no-type.json", '\ufeff{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"JSON Feed without a content type"}]}'.encode(),
    None, "JSON Feed without a content type")

# ---- 2. encodings: declared by HTTP, by the prolog, both in conflict, and not at all
SAMPLES = {
    "iso-8859-1": ["M\u00fcnchner B\u00fcrger w\u00e4hlen neuen Oberb\u00fcrgermeister", "Stra\u00dfenbahn f\u00e4hrt wieder \u00fcber die Br\u00fccke"],
    "iso-8859-2": ["Wybory w \u0141odzi: kandydaci spieraj\u0105 si\u0119 o przysz\u0142o\u015b\u0107", "\u017b\u00f3\u0142ta kartka dla ministra"],
    "iso-8859-5": ["\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u0443\u0442\u0432\u0435\u0440\u0434\u0438\u043b\u043e \u043d\u043e\u0432\u044b\u0439 \u0431\u044e\u0434\u0436\u0435\u0442 \u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0438\u0439 \u0433\u043e\u0434", "\u0412 \u041c\u043e\u0441\u043a\u0432\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0441\u044f \u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442 \u0447\u0435\u0440\u0435\u0437 \u0440\u0435\u043a\u0443"],
    "iso-8859-7": ["\u0397 \u03ba\u03c5\u03b2\u03ad\u03c1\u03bd\u03b7\u03c3\u03b7 \u03b5\u03bd\u03ad\u03ba\u03c1\u03b9\u03bd\u03b5 \u03c4\u03bf\u03bd \u03bd\u03ad\u03bf \u03c0\u03c1\u03bf\u03cb\u03c0\u03bf\u03bb\u03bf\u03b3\u03b9\u03c3\u03bc\u03cc", "\u039d\u03ad\u03b1 \u03b3\u03ad\u03c6\u03c5\u03c1\u03b1 \u03ac\u03bd\u03bf\u03b9\u03be\u03b5 \u03c3\u03c4\u03b7\u03bd \u0391\u03b8\u03ae\u03bd\u03b1 \u03c3\u03ae\u03bc\u03b5\u03c1\u03b1"],
    "iso-8859-9": ["\u0130stanbul'da yeni k\u00f6pr\u00fc a\u00e7\u0131ld\u0131", "\u00d6\u011frenciler s\u0131nav sonu\u00e7lar\u0131n\u0131 bekliyor"],
    "iso-8859-15": ["Le prix de l'\u0153uvre atteint 5 000 \u20ac", "C\u0153ur de la ville: f\u00eate de l'\u00e9t\u00e9"],
    "windows-1250": ["Vl\u00e1da schv\u00e1lila nov\u00fd rozpo\u010det", "\u0158idi\u010di \u010dekaj\u00ed na opravu silnice u Plzn\u011b"],
    "windows-1251": ["\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u0443\u0442\u0432\u0435\u0440\u0434\u0438\u043b\u043e \u043d\u043e\u0432\u044b\u0439 \u0431\u044e\u0434\u0436\u0435\u0442", "\u0412 \u041a\u0438\u0435\u0432\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0441\u044f \u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442 \u0447\u0435\u0440\u0435\u0437 \u0414\u043d\u0435\u043f\u0440"],
    "windows-1252": ["Caf\u00e9 \u00abLe Monde\u00bb rouvre ses portes apr\u00e8s l\u2019\u00e9t\u00e9", "\u201cRecord\u201d harvest \u2013 prices fall by 5 \u20ac"],
    "koi8-r": ["\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u0443\u0442\u0432\u0435\u0440\u0434\u0438\u043b\u043e \u0431\u044e\u0434\u0436\u0435\u0442 \u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0438\u0439 \u0433\u043e\u0434", "\u0412 \u041c\u043e\u0441\u043a\u0432\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0441\u044f \u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442"],
    "shift_jis": ["\u6771\u4eac\u3067\u65b0\u3057\u3044\u6a4b\u304c\u958b\u901a\u3057\u307e\u3057\u305f", "\u653f\u5e9c\u306f\u6765\u5e74\u5ea6\u306e\u4e88\u7b97\u6848\u3092\u627f\u8a8d\u3057\u305f"],
    "euc-jp": ["\u5927\u962a\u3067\u65b0\u3057\u3044\u99c5\u304c\u958b\u696d\u3057\u307e\u3057\u305f", "\u653f\u5e9c\u306f\u6765\u5e74\u5ea6\u306e\u4e88\u7b97\u6848\u3092\u627f\u8a8d\u3057\u305f"],
    "gb2312": ["\u5317\u4eac\u65b0\u6865\u4eca\u65e5\u6b63\u5f0f\u901a\u8f66", "\u653f\u5e9c\u6279\u51c6\u4e86\u660e\u5e74\u7684\u9884\u7b97\u65b9\u6848"],
    "gbk": ["\u6731\u9555\u57fa\u8bbf\u95ee\u4e0a\u6d77\u65b0\u533a", "\u653f\u5e9c\u6279\u51c6\u4e86\u660e\u5e74\u7684\u9884\u7b97\u65b9\u6848"],
    "big5": ["\u53f0\u5317\u65b0\u6a4b\u4eca\u65e5\u6b63\u5f0f\u901a\u8eca", "\u653f\u5e9c\u6279\u51c6\u4e86\u660e\u5e74\u7684\u9810\u7b97\u65b9\u6848"],
    "euc-kr": ["\uc11c\uc6b8\uc5d0 \uc0c8\ub85c\uc6b4 \ub2e4\ub9ac\uac00 \uac1c\ud1b5\ub418\uc5c8\uc2b5\ub2c8\ub2e4", "\uc815\ubd80\ub294 \ub0b4\ub144 \uc608\uc0b0\uc548\uc744 \uc2b9\uc778\ud588\ub2e4"],
}
DETECTABLE = ["iso-8859-5", "iso-8859-7", "windows-1251", "windows-1252", "koi8-r", "shift_jis", "euc-jp", "gb2312", "gbk", "big5", "euc-kr"]
for enc, titles in SAMPLES.items():
    label = enc
    add("enc-%s-http.xml" % enc, rss2(titles).encode(enc), "application/rss+xml; charset=%s" % label, titles)
    add("enc-%s-prolog.xml" % enc, rss2(titles, decl=label).encode(enc), "application/rss+xml", titles)
    add("enc-%s-http-over-prolog.xml" % enc, rss2(titles, decl="utf-8" if enc != "iso-8859-1" else "koi8-r").encode(enc),
        "text/xml; charset=%s" % label, titles)
    if enc in DETECTABLE:
        add("enc-%s-undeclared.xml" % enc, rss2(titles).encode(enc), "application/rss+xml", titles)
for enc in ("iso-8859-1", "windows-1251", "shift_jis", "euc-kr"):
    titles = SAMPLES[enc]
    add("enc-%s-wrong-http-utf8.xml" % enc, rss2(titles, decl=enc).encode(enc), "application/rss+xml; charset=utf-8", titles)
add("enc-shift_jis-nec-extension.xml", rss2(["\u2460\u6771\u4eac\u3067\u65b0\u3057\u3044\u6a4b"], decl="shift_jis").encode("cp932"),
    "application/rss+xml", "\u2460\u6771\u4eac\u3067\u65b0\u3057\u3044\u6a4b")
add("enc-ebcdic-cp500.xml", rss2(["EBCDIC \u00e9dition: Z\u00fcrich feiert"], decl="cp500").encode("cp500"), "application/xml",
    "EBCDIC \u00e9dition: Z\u00fcrich feiert")
add("enc-ibm437-dos.xml", rss2(["DOS code page: \u00c7a va, M\u00fcnchen"], decl="437").encode("cp437"), "application/xml",
    "DOS code page: \u00c7a va, M\u00fcnchen")
add("enc-utf8-http-over-latin1-prolog.xml", rss2(["Gr\u00fc\u00dfe aus K\u00f6ln"], decl="iso-8859-1").encode(U8),
    "application/xml; charset=utf-8", "Gr\u00fc\u00dfe aus K\u00f6ln")
add("enc-utf8-bom-over-http-latin1.xml", b"\xef\xbb\xbf" + rss2(["BOM beats the header: \u00c5rhus"]).encode(U8),
    "application/rss+xml; charset=iso-8859-1", "BOM beats the header: \u00c5rhus")
add("enc-unknown-charset-name.xml", rss2(["Unknown charset name falls through to UTF-8 \u2713"]).encode(U8),
    "application/rss+xml; charset=x-no-such-thing", "Unknown charset name falls through to UTF-8 \u2713")
WIDE = "Wide text \u2013 \u00c5lesund, M\u00fcnchen, \u6771\u4eac"
for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")):
    codec = enc.replace("-le", "le").replace("-be", "be").replace("utf-16", "utf-16-").replace("utf-32", "utf-32-").replace("--", "-")
    codec = {"utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be", "utf-32-le": "utf-32-le", "utf-32-be": "utf-32-be"}[enc]
    wide = "utf-16" if "16" in enc else "utf-32"
    add("enc-%s-bom.xml" % enc, bom + rss2([WIDE + " (" + enc + " BOM)"], decl=wide).encode(codec), "application/rss+xml",
        WIDE + " (" + enc + " BOM)")
    add("enc-%s-no-bom.xml" % enc, rss2([WIDE + " (" + enc + ")"], decl=wide).encode(codec), "application/rss+xml",
        WIDE + " (" + enc + ")")
    add("enc-%s-no-bom-undeclared.xml" % enc, rss2([WIDE + " (" + enc + " bare)"]).encode(codec), None, WIDE + " (" + enc + " bare)")
    add("enc-%s-no-bom-http-conflict.xml" % enc, rss2([WIDE + " (" + enc + " vs header)"], decl="iso-8859-1").encode(codec),
        "application/rss+xml; charset=iso-8859-1", WIDE + " (" + enc + " vs header)")
    add("enc-%s-bom-prolog-conflict.xml" % enc, bom + rss2([WIDE + " (" + enc + " vs prolog)"], decl="windows-1252").encode(codec),
        "text/xml; charset=utf-8", WIDE + " (" + enc + " vs prolog)")

# ---- 3. entities
ENTITY_CASES = [
    ("named-html5", "Caf&amp;eacute; &amp;laquo;Le Monde&amp;raquo; &amp;copy;", "Caf\u00e9 \u00abLe Monde\u00bb \u00a9"),
    ("named-rare", "&amp;Aring;rhus &amp;ndash; &amp;frac12; price &amp;hearts; &amp;trade;", "\u00c5rhus \u2013 \u00bd price \u2665 \u2122"),
    ("named-html5-only", "&amp;NotEqualTilde; &amp;bigstar; &amp;dollar;5", "\u2242\u0338 \u2605 $5"),
    ("decimal", "Caf&amp;#233; &amp;#8212; open", "Caf\u00e9 \u2014 open"),
    ("hex", "Caf&amp;#xE9; &amp;#x2019;s &amp;#X201C;best&amp;#x201D;", "Caf\u00e9 \u2019s \u201cbest\u201d"),
    ("cp1252-range", "&amp;#128;5 &amp;#130;a&amp;#132; &amp;#133; &amp;#145;q&amp;#146; &amp;#147;d&amp;#148; &amp;#150; &amp;#151; &amp;#153;",
     "\u20ac5 \u201aa\u201e \u2026 \u2018q\u2019 \u201cd\u201d \u2013 \u2014 \u2122"),
    ("cp1252-apostrophe", "Ministers don&amp;#146;t agree", "Ministers don\u2019t agree"),
    ("cp1252-undefined", "Gap&amp;#129;less &amp;#157;text", "Gapless text"),
    ("nul-and-surrogate", "Null&amp;#0; and &amp;#xD800;lone &amp;#x110000;big", "Null and lone big"),
    ("raw-c1-utf8", "Farmers won\u0092t sell \u0093the valley\u0094", "Farmers won\u2019t sell \u201cthe valley\u201d"),
    ("xml-level-html-entity", "Caf&eacute; &nbsp;opens&hellip;", "Caf\u00e9 opens\u2026"),
    ("legacy-no-semicolon", "&amp;copy 2026 Gazette &amp;amp Co", "\u00a9 2026 Gazette & Co"),
    ("ampersand-literal", "AT&amp;T and R&amp;D budgets &amp; more", "AT&T and R&D budgets & more"),
    ("unknown-entity", "The &amp;foo; bar stays", "The &foo; bar stays"),
    ("lt-gt-text", "Prices: 3 &lt; 5 and 7 &gt; 2", "Prices: 3 < 5 and 7 > 2"),
    ("nbsp-folded", "Wide&amp;nbsp;&amp;nbsp;gap and\ttab\n newline", "Wide gap and tab newline"),
]
for name, title, expected in ENTITY_CASES:
    add("entity-%s.xml" % name, rss2([title], raw=True).encode(U8), "application/rss+xml", expected)
latin1_c1 = rss2(["Farmers won\u0092t sell \u0085 again"], decl="iso-8859-1", raw=True).encode("latin-1")
add("entity-raw-0x92-latin1.xml", latin1_c1, "application/rss+xml", "Farmers won\u2019t sell \u2026 again")
add("entity-raw-0x92-cp1252.xml", rss2(["It\u2019s \u201cdone\u201d \u2014 \u20ac9"], decl="windows-1252").encode("cp1252"),
    "application/rss+xml", "It\u2019s \u201cdone\u201d \u2014 \u20ac9")
add("entity-atom-html.xml", atom10(['<title type="html">Caf&amp;eacute; &amp;amp; &amp;laquo;bar&amp;raquo;</title>']).encode(U8),
    "application/atom+xml", "Caf\u00e9 & \u00abbar\u00bb")
add("entity-atom-text.xml", atom10(['<title type="text">Fish &amp; chips &amp;amp; peas</title>']).encode(U8),
    "application/atom+xml", "Fish & chips & peas")
add("entity-atom03-escaped.xml", atom03(['<title mode="escaped">Caf&amp;eacute; d&amp;#146;\u00e9t\u00e9</title>']).encode(U8),
    "application/atom+xml", "Caf\u00e9 d\u2019\u00e9t\u00e9")
add("entity-jsonfeed.json", '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Caf&eacute; d&#146;&eacute;t&eacute;"}]}'.encode(),
    "application/feed+json", "Caf\u00e9 d\u2019\u00e9t\u00e9")

# ---- 4. CDATA
CDATA_CASES = [
    ("rss-plain", "<![CDATA[Fire & Ice in the old town]]>", "Fire & Ice in the old town"),
    ("rss-markup", "<![CDATA[<b>Bold</b> & <i>brave</i> rescue]]>", "Bold & brave rescue"),
    ("rss-entities", "<![CDATA[Caf&eacute; &amp; bar &#146;s]]>", "Caf\u00e9 & bar \u2019s"),
    ("rss-split", "<![CDATA[Split ]]><![CDATA[section title]]>", "Split section title"),
    ("rss-mixed", "Mixed <![CDATA[<em>cdata</em>]]> and text", "Mixed cdata and text"),
    ("rss-lt-literal", "<![CDATA[3 < 5 is true]]>", "3 < 5 is true"),
]
for name, title, expected in CDATA_CASES:
    add("cdata-%s.xml" % name, rss2([title], raw=True).encode(U8), "application/rss+xml", expected)
add("cdata-atom03-title.xml", atom03(["<title><![CDATA[Fire & Ice at the glacier]]></title>"]).encode(U8), "application/atom+xml",
    "Fire & Ice at the glacier")
add("cdata-atom03-escaped.xml", atom03(['<title mode="escaped"><![CDATA[Fire &amp; <b>Ice</b> two]]></title>']).encode(U8),
    "application/atom+xml", "Fire & Ice two")
add("cdata-atom03-xml-markup.xml", atom03(["<title><![CDATA[<p>Paragraph</p> title]]></title>"]).encode(U8), "application/atom+xml",
    "Paragraph title")
add("cdata-atom10-html.xml", atom10(['<title type="html"><![CDATA[<b>Atom</b> &amp; CDATA]]></title>']).encode(U8),
    "application/atom+xml", "Atom & CDATA")
add("cdata-atom10-text.xml", atom10(["<title><![CDATA[Plain & simple]]></title>"]).encode(U8), "application/atom+xml", "Plain & simple")
add("cdata-description-only.xml", ('<rss version="2.0"><channel><title>N</title><link>http://n.test/</link><description>d</description>'
                                   "<item><description><![CDATA[<p>Only a <b>description</b> here</p>]]></description><guid>1</guid></item>"
                                   "</channel></rss>").encode(), "application/rss+xml", "Only a description here")

# ---- 5. nested markup in titles
MARKUP_CASES = [
    ("escaped-tags", "&lt;b&gt;Bold&lt;/b&gt; move by &lt;i&gt;council &lt;u&gt;today&lt;/u&gt;&lt;/i&gt;", "Bold move by council today"),
    ("double-escaped", "&amp;lt;b&amp;gt;Twice&amp;lt;/b&amp;gt; escaped", "Twice escaped"),
    ("script", "&lt;script&gt;alert(1)&lt;/script&gt;Safe headline", "Safe headline"),
    ("style", "&lt;style&gt;p{color:red}&lt;/style&gt;Styled headline", "Styled headline"),
    ("br", "Line&lt;br/&gt;break&lt;br&gt;headline", "Line break headline"),
    ("paragraphs", "&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;", "First Second"),
    ("link", "&lt;a href=\"http://x.test/\"&gt;Linked&lt;/a&gt; headline", "Linked headline"),
    ("img", "Photo &lt;img src=\"x.jpg\" alt=\"alt\"&gt; headline", "Photo headline"),
    ("comment", "Before&lt;!-- hidden --&gt; after", "Before after"),
    ("unclosed", "&lt;b&gt;Unclosed bold headline", "Unclosed bold headline"),
    ("bidi", "Bidi \u202eoverride\u202c removed", "Bidi override removed"),
]
for name, title, expected in MARKUP_CASES:
    add("markup-%s.xml" % name, rss2([title], raw=True).encode(U8), "application/rss+xml", expected)
add("markup-atom-xhtml-nested.xml", atom10(['<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p><span>Nested</span> '
                                            "<em><strong>xhtml</strong></em> title</p></div></title>"]).encode(U8),
    "application/atom+xml", "Nested xhtml title")
add("markup-atom03-xml.xml", atom03(['<title mode="xml"><b xmlns="http://www.w3.org/1999/xhtml">Inline</b> xml title</title>']).encode(U8),
    "application/atom+xml", "Inline xml title")

# ---- 6. base64
B64 = base64.b64encode("Example <b>Atom</b> headline from the coast".encode()).decode()
add("base64-atom03-title.xml", atom03(['<title mode="base64">%s</title>' % B64]).encode(U8), "application/atom+xml",
    "Example Atom headline from the coast")
add("base64-atom03-title-wrapped.xml", atom03(['<title mode="base64">\n  %s\n  %s\n</title>' % (B64[:20], B64[20:])]).encode(U8),
    "application/atom+xml", "Example Atom headline from the coast")
add("base64-atom03-unpadded.xml", atom03(['<title mode="base64">%s</title>' % B64.rstrip("=")]).encode(U8),
    "application/atom+xml", "Example Atom headline from the coast")
add("base64-atom03-content.xml", atom03(['<content type="text/html" mode="base64">%s</content>' % base64.b64encode(b"<p>Content only entry</p>").decode()]).encode(U8),
    "application/atom+xml", "Content only entry")
add("base64-atom10-octet-stream.xml", atom10(['<content type="application/octet-stream">%s</content>' % base64.b64encode(b"Record <b>Atom</b> catch").decode()]).encode(U8),
    "application/atom+xml", "Record Atom catch")
add("base64-atom10-image.xml", atom10(['<title>Photo of the day</title><content type="image/png">%s</content>' % base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe").decode()]).encode(U8),
    "application/atom+xml", "Photo of the day")
add("base64-atom10-text-type-not-decoded.xml", atom10(['<content type="text/plain">UGxhaW4gdGV4dA==</content>']).encode(U8),
    "application/atom+xml", "UGxhaW4gdGV4dA==")
add("base64-atom03-bad.xml", atom03(['<title mode="base64">R*h^bXBs</title>']).encode(U8), "application/atom+xml",
    "!base64 content could not be decoded")

# ---- 7. DOCTYPE
NETSCAPE = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
RSS091 = ('<rss version="0.91"><channel><title>N</title><link>http://n.test/</link><description>d</description>'
          "<item><title>%s</title><link>http://n.test/1</link></item></channel></rss>")
add("doctype-first.xml", (NETSCAPE + RSS091 % "Doctype first").encode(), "application/rss+xml", "Doctype first")
add("doctype-after-comment.xml", ('<?xml version="1.0"?>\n<!-- made by hand -->\n' + NETSCAPE + "\n" + RSS091 % "Doctype after a comment").encode(),
    "application/rss+xml", "Doctype after a comment")
add("doctype-after-pi.xml", ('<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="rss.xsl"?>\n' + NETSCAPE + RSS091 % "Doctype after a stylesheet PI").encode(),
    "application/rss+xml", "Doctype after a stylesheet PI")
add("doctype-after-both.xml", ('<?xml version="1.0"?><!-- a --><?pi x?><!-- b -->\n' + NETSCAPE + RSS091 % "Doctype after comments and PIs").encode(),
    "application/rss+xml", "Doctype after comments and PIs")
add("doctype-system-only.xml", ('<!DOCTYPE rss SYSTEM "rss.dtd">' + RSS091 % "System-only doctype").encode(), "application/rss+xml",
    "System-only doctype")
add("doctype-internal-subset.xml", ('<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss [<!ENTITY e "x">]>' + RSS091 % "&e;").encode(),
    "application/rss+xml", "!refused: the document declares its own entities (a DOCTYPE with an internal subset)")
add("doctype-xxe.xml", ('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + RSS091 % "&xxe;").encode(), "application/rss+xml",
    "!refused: the document declares its own entities (a DOCTYPE with an internal subset)")
add("doctype-billion-laughs.xml", ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                                   + RSS091 % "&lol2;").encode(), "application/rss+xml",
    "!refused: the document declares its own entities (a DOCTYPE with an internal subset)")

# ---- 8. refusals in the newsroom's words
add("refuse-no-channel.xml", b'<rss version="2.0"><item><title>x</title></item></rss>', "application/rss+xml", "!malformed feed: no channel element")
add("refuse-rdf-no-channel.rdf", b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>x</title></item></rdf:RDF>',
    "application/rdf+xml", "!malformed feed: no channel element")
add("refuse-html-page.html", b"<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>", "text/html",
    "!not a feed: the server sent an HTML page")
add("refuse-xhtml-root.xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "application/xml",
    "!not a feed: the server sent an HTML page")
add("refuse-other-root.xml", b"<catalog><book>x</book></catalog>", "application/xml", "!not a feed: the document's root is <catalog>")
add("refuse-unclosed.xml", b'<rss version="2.0"><channel><title>t</title></rss>', "application/rss+xml",
    "!malformed feed: not well-formed XML at line 1, column 47")
BROKEN = rss2(["Stra\u00dfenbahn f\u00e4hrt \u00fcber die Br\u00fccke"]).encode(U8)
add("refuse-broken-utf8.xml", BROKEN.replace(b"\xc3\xa4", b"\xe4", 1), "application/rss+xml",
    "!not valid UTF-8 at byte {:,}".format(BROKEN.index(b"\xc3\xa4")))
DECLARED = rss2(["Harbour news " * 100, "Caf\u00e9 cr\u00e8me"], decl="utf-8").encode(U8)
add("refuse-declared-utf8-broken.xml", DECLARED.replace(b"\xc3\xa8", b"\xe8", 1),
    "application/rss+xml; charset=utf-8", "!not valid UTF-8 at byte {:,}".format(DECLARED.index(b"\xc3\xa8")))
add("refuse-bom-utf16-odd.xml", b"\xff\xfe" + "<rss/>".encode("utf-16-le") + b"\x00", "application/rss+xml", "!not valid UTF-16LE at byte 14")
add("refuse-json-malformed.json", b'{"version": ]', "application/feed+json", "!malformed feed: not well-formed JSON at line 1, column 13")
add("refuse-json-no-version.json", b'{"items": []}', "application/json", "!not a feed: JSON without a jsonfeed.org version")
add("refuse-json-array.json", b'[1, 2]', "application/json", "!not a feed: JSON that is not an object")
add("refuse-empty.xml", b"", "application/rss+xml", "!malformed feed: not well-formed XML at line 1, column 1")

os.makedirs(OUT, exist_ok=True)
names = set()
with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8", newline="\n") as tsv:
    tsv.write("# file\tcontent type (- for none)\texpected headlines joined by ' | ', or ! and the refusal's reason\n")
    for name, data, ctype, expected in cases:
        assert name not in names, name
        names.add(name)
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        tsv.write("%s\t%s\t%s\n" % (name, ctype, expected))
print("%d feed files written to %s" % (len(cases), os.path.normpath(OUT)), file=sys.stderr)
