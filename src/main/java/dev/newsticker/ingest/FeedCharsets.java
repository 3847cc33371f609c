package dev.newsticker.ingest;

import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of a feed to text, by the rules of RFC 7303 §3.2 and XML 1.0 Appendix F: a byte order mark is
 * authoritative, and so is the zero-byte layout of UTF-16/32 without one (XML forbids U+0000, so no 8-bit reading
 * of such bytes can be XML); then the HTTP {@code charset}; then the XML declaration's {@code encoding}. A
 * declaration the bytes contradict gives way to the next one. A document that declares nothing is UTF-8 when it
 * decodes as UTF-8, else its encoding is detected (juniversalchardet, Mozilla's detector, as Python's chardet).
 * Decoding is strict: bytes that do not decode refuse the feed with the first declaration's complaint, so no
 * U+FFFD made from the feed's bytes is ever stored. The text comes back without the BOM and with the
 * declaration's encoding removed, so the XML parser cannot decode it a second time.
 */
final class FeedCharsets {
  private static final Pattern HTTP_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final Pattern DECLARED =
    Pattern.compile("^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Pattern DECLARATION_ENCODING =
    Pattern.compile("^(\\s*<\\?xml\\s[^>]*?)\\s+encoding\\s*=\\s*(\"[^\"]*\"|'[^']*')");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private FeedCharsets() {
  }

  /** The document as text, or a {@link FeedRefusal} saying which bytes did not decode. */
  static String decode(byte[] bytes, String contentType) {
    Bom bom = Bom.of(bytes);
    if (bom != null) {
      return neutralise(strict(bytes, bom.length, bom.charset));
    }
    Charset layout = layout(bytes);
    if (layout != null) {
      return neutralise(strict(bytes, 0, layout));
    }
    List<Charset> declared = new ArrayList<>();
    addIfKnown(declared, httpCharset(contentType));
    addIfKnown(declared, prologCharset(bytes));
    FeedRefusal first = null;
    for (Charset charset : declared) {
      if (isWide(charset)) {
        continue;
      }
      for (Charset reading : withSuperset(charset)) {
        try {
          return neutralise(strict(bytes, 0, reading));
        } catch (FeedRefusal refusal) {
          first = first == null ? refusal : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return neutralise(undeclared(bytes));
  }

  /** UTF-8 when the bytes are UTF-8, else detected. */
  private static String undeclared(byte[] bytes) {
    FeedRefusal notUtf8;
    try {
      return strict(bytes, 0, StandardCharsets.UTF_8);
    } catch (FeedRefusal refusal) {
      notUtf8 = refusal;
    }
    Charset detected = detect(bytes);
    // Mostly good UTF-8 with a few stray bytes is broken UTF-8, not another encoding: read otherwise, all the
    // good characters would turn into mojibake.
    if (detected == null || mostlyUtf8(bytes)) {
      throw notUtf8;
    }
    try {
      return strict(bytes, 0, detected);
    } catch (FeedRefusal refusal) {
      throw notUtf8;
    }
  }

  /** Decodes {@code bytes} from {@code offset}; a byte that does not decode is a refusal naming where it is. */
  static String strict(byte[] bytes, int offset, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
      (long) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 16));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw FeedRefusal.encoding("not valid " + charset.name() + " at byte " + FeedRefusal.number(in.position()));
    }
    return out.flip().toString();
  }

  static String httpCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HTTP_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The encoding the XML declaration names (the document is in an ASCII-compatible encoding by now, or in EBCDIC,
   * which the declaration's first bytes show: XML 1.0 Appendix F).
   */
  private static String prologCharset(byte[] bytes) {
    boolean ebcdic = Bom.starts(bytes, 0x4C, 0x6F, 0xA7, 0x94);
    Charset reading = ebcdic ? known("IBM037") : StandardCharsets.ISO_8859_1;
    Matcher m = DECLARED.matcher(new String(bytes, 0, Math.min(bytes.length, 200), reading));
    return m.find() ? m.group(1) : ebcdic ? "IBM037" : null;
  }

  /** A UTF-16 or UTF-32 name: such a declaration is contradicted by bytes without their zero-byte layout. */
  private static boolean isWide(Charset charset) {
    return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
  }

  /**
   * UTF-16 or UTF-32 (and their byte order) from where the zero bytes fall in the first character. As binding
   * as a BOM: XML forbids U+0000, so no 8-bit reading of these bytes can be XML.
   */
  private static Charset layout(byte[] b) {
    if (b.length < 4) {
      return null;
    }
    boolean[] zero = {b[0] == 0, b[1] == 0, b[2] == 0, b[3] == 0};
    if (zero[0] && zero[1] && zero[2] && !zero[3]) {
      return UTF_32BE;
    }
    if (!zero[0] && zero[1] && zero[2] && zero[3]) {
      return UTF_32LE;
    }
    if (zero[0] && !zero[1] && zero[2] && !zero[3]) {
      return StandardCharsets.UTF_16BE;
    }
    if (!zero[0] && zero[1] && !zero[2] && zero[3]) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static void addIfKnown(List<Charset> charsets, String name) {
    Charset charset = known(name);
    if (charset != null && !charsets.contains(charset)) {
      charsets.add(charset);
    }
  }

  /**
   * The charset a label names, or null for a name Java does not know (passed over, as a missing one). Labels
   * publishers use for a superset's text read as the superset, as browsers do (WHATWG Encoding).
   */
  static Charset known(String name) {
    if (name == null) {
      return null;
    }
    String label = name.trim().toLowerCase(Locale.ROOT);
    String actual = switch (label) {
      case "gb2312", "gb_2312-80", "x-gbk", "cp936", "euc-cn" -> "GBK";
      case "ks_c_5601-1987", "euc-kr", "cp949" -> "x-windows-949";
      case "utf8" -> "UTF-8";
      default -> label;
    };
    try {
      return Charset.isSupported(actual) ? Charset.forName(actual) : null;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /**
   * The charset, then the vendor superset publishers' text often needs (NEC and IBM characters such as ① in
   * Shift_JIS feeds): the strict standard reading first, so the common characters read as the standard says.
   */
  private static List<Charset> withSuperset(Charset charset) {
    Charset superset = switch (charset.name()) {
      case "Shift_JIS" -> known("windows-31j");
      case "EUC-JP" -> known("x-eucJP-Open");
      case "Big5" -> known("Big5-HKSCS");
      case "GBK" -> known("GB18030");
      default -> null;
    };
    return superset == null ? List.of(charset) : List.of(charset, superset);
  }

  private static Charset detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    return known(detector.getDetectedCharset());
  }

  /** More well-formed multi-byte UTF-8 sequences than bytes that break UTF-8. */
  private static boolean mostlyUtf8(byte[] b) {
    int good = 0;
    int bad = 0;
    for (int i = 0; i < b.length; ) {
      int lead = b[i] & 0xFF;
      int extra = lead < 0x80 ? 0 : lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
        : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
      int n = 0;
      while (extra > 0 && n < extra && i + 1 + n < b.length && (b[i + 1 + n] & 0xC0) == 0x80) {
        n++;
      }
      if (extra < 0 || n < extra) {
        bad++;
        i++;
      } else {
        good += extra > 0 ? 1 : 0;
        i += 1 + extra;
      }
    }
    return good > bad;
  }

  /** Takes the encoding out of the XML declaration: the text is decoded already. */
  private static String neutralise(String text) {
    return text.startsWith("<?xml") || text.stripLeading().startsWith("<?xml")
      ? DECLARATION_ENCODING.matcher(text).replaceFirst("$1") : text;
  }

  /** A byte order mark: the encoding it names and how many bytes it takes. */
  record Bom(Charset charset, int length) {
    static Bom of(byte[] b) {
      if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
        return new Bom(UTF_32BE, 4);
      }
      if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
        return new Bom(UTF_32LE, 4);
      }
      if (starts(b, 0xEF, 0xBB, 0xBF)) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (starts(b, 0xFF, 0xFE)) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      if (starts(b, 0xFE, 0xFF)) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      return null;
    }

    static boolean starts(byte[] b, int... prefix) {
      if (b.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if ((b[i] & 0xFF) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
