package dev.newsticker.ingest;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsticker.model.FeedItem;
import io.vertx.core.buffer.Buffer;
import org.jdom2.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses a fetched body into a {@link ParsedFeed}: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with ROME, JSON Feed with
 * {@link JsonFeedParser}. Blocking and CPU-bound: call it on a worker.
 *
 * <p>Safety: DOCTYPE declarations are refused (ROME's own default, set explicitly), so neither external entities
 * (XXE) nor entity expansion (billion laughs) can happen; the parser fails at the declaration. A bare DOCTYPE
 * without an internal subset, as RSS 0.91 Netscape feeds carry, names nothing we would load, so it is dropped
 * before parsing rather than failing the feed.
 */
final class FeedParser {
  private static final Pattern BARE_DOCTYPE = Pattern.compile("^(\\s*(?:<\\?xml[^>]*\\?>)?\\s*)<!DOCTYPE[^\\[>]*>");
  private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<!--.*?-->\\s*)*(<!DOCTYPE\\s+html|<html)");
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  private final int headlineChars;

  FeedParser(int headlineChars) {
    this.headlineChars = headlineChars;
  }

  ParsedFeed parse(Buffer body, String contentType, FeedDefinition feed, Instant fetchedAt) {
    EntryMapper mapper = new EntryMapper(feed, headlineChars, fetchedAt);
    if (looksLikeJson(body, contentType)) {
      return JsonFeedParser.parse(body, mapper);
    }
    String text = FeedText.stripIllegalXml(decode(body, contentType));
    if (HTML_START.matcher(text).find()) {
      throw new FetchException("not a feed: the server sent an HTML page");
    }
    text = BARE_DOCTYPE.matcher(text).replaceFirst("$1");
    SyndFeed syndFeed = build(text);
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry entry : syndFeed.getEntries()) {
      Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
      FeedItem item = mapper.map(entry.getUri(), entry.getLink(), entry.getTitle(), summary(entry),
        entry.getAuthor(), entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull).toList(),
        date == null ? null : date.toInstant(), date == null ? null : date.toString());
      if (item != null) {
        items.add(item);
      }
    }
    Duration ttl = syndFeed.originalWireFeed() instanceof Channel channel && channel.getTtl() > 0
      ? Duration.ofMinutes(channel.getTtl()) : Duration.ZERO;
    return new ParsedFeed(syndFeed.getTitle(), ttl, link(syndFeed, "hub"), link(syndFeed, "self"), items);
  }

  private static SyndFeed build(String text) {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setPreserveWireFeed(true);
    try {
      return input.build(new StringReader(text));
    } catch (FeedException e) {
      throw new FetchException("malformed feed: " + rootMessage(e));
    } catch (IllegalArgumentException e) {
      throw new FetchException("not a feed: " + e.getMessage());
    }
  }

  /**
   * Charset from the BOM, else the Content-Type header or the XML prolog (ROME's XmlReader, lenient). The BOM
   * is read here because XmlReader lets a prolog's plain "UTF-16" override a little-endian BOM. A text/xml
   * header without a charset would force US-ASCII under RFC 3023; servers mean "see the prolog", so it is
   * read as application/xml.
   */
  private static String decode(Buffer body, String contentType) {
    byte[] bytes = body.getBytes();
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
      return new String(bytes, skip, bytes.length - skip, bom);
    }
    String type = contentType;
    if (type != null && type.toLowerCase().startsWith("text/") && !type.toLowerCase().contains("charset")) {
      type = "application/xml";
    }
    try (Reader reader = new XmlReader(new ByteArrayInputStream(bytes), type, true)) {
      StringWriter out = new StringWriter(bytes.length);
      reader.transferTo(out);
      return out.toString();
    } catch (IOException e) {
      throw new FetchException("unreadable body: " + e.getMessage());
    }
  }

  private static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static boolean looksLikeJson(Buffer body, String contentType) {
    if (contentType != null && contentType.toLowerCase().contains("json")) {
      return true;
    }
    for (int i = 0; i < Math.min(body.length(), 64); i++) {
      int b = body.getByte(i) & 0xFF;
      if (b == '{') {
        return true;
      }
      boolean skippable = Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF;
      if (!skippable) {
        return false;
      }
    }
    return false;
  }

  private static String summary(SyndEntry entry) {
    SyndContent description = entry.getDescription();
    if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
      return description.getValue();
    }
    return entry.getContents().stream().map(SyndContent::getValue).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** An Atom link of the given rel, from the feed's links or (for RSS) its foreign atom:link markup. */
  private static String link(SyndFeed feed, String rel) {
    for (SyndLink link : feed.getLinks()) {
      if (rel.equals(link.getRel()) && link.getHref() != null) {
        return link.getHref();
      }
    }
    for (Element element : feed.getForeignMarkup()) {
      if ("link".equals(element.getName()) && ATOM_NS.equals(element.getNamespaceURI())
        && rel.equals(element.getAttributeValue("rel")) && element.getAttributeValue("href") != null) {
        return element.getAttributeValue("href");
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return FeedText.clip(message.replaceAll("\\s+", " "), 300);
  }
}
