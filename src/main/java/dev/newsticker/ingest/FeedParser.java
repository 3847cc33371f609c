package dev.newsticker.ingest;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsticker.model.FeedItem;
import io.vertx.core.buffer.Buffer;
import org.jdom2.Document;
import org.jdom2.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Parses a fetched body into a {@link ParsedFeed}: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with ROME, JSON Feed with
 * {@link JsonFeedParser}. Blocking and CPU-bound: call it on a worker.
 *
 * <p>The bytes are decoded here ({@link FeedCharsets}) and ROME gets a document already parsed and repaired
 * ({@link FeedDocument}), so it never decodes or fetches anything itself. Every failure is a {@link FeedRefusal}
 * with a reason this code wrote; one nobody foresaw is logged with its cause and reported in general words.
 */
final class FeedParser {
  private static final Logger log = LoggerFactory.getLogger(FeedParser.class);
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String UNKNOWN_ROOT = "Invalid document";

  private final int headlineChars;

  FeedParser(int headlineChars) {
    this.headlineChars = headlineChars;
  }

  ParsedFeed parse(Buffer body, String contentType, FeedDefinition feed, Instant fetchedAt) {
    try {
      return read(body, contentType, new EntryMapper(feed, headlineChars, fetchedAt));
    } catch (FeedRefusal refusal) {
      throw refusal;
    } catch (RuntimeException | StackOverflowError unforeseen) {
      // StackOverflowError: a document nested deeply enough to exhaust a recursive step must not end the worker.
      log.warn("Feed {} could not be read", feed.url(), unforeseen);
      throw FeedRefusal.unreadable();
    }
  }

  private ParsedFeed read(Buffer body, String contentType, EntryMapper mapper) {
    if (looksLikeJson(body, contentType)) {
      return JsonFeedParser.parse(body, contentType, mapper);
    }
    Document document = FeedDocument.read(FeedText.stripIllegalXml(FeedCharsets.decode(body.getBytes(), contentType)));
    SyndFeed syndFeed = build(document);
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

  private static SyndFeed build(Document document) {
    SyndFeedInput input = new SyndFeedInput();
    input.setPreserveWireFeed(true);
    try {
      return input.build(document);
    } catch (IllegalArgumentException e) {
      if (UNKNOWN_ROOT.equals(e.getMessage())) {
        throw FeedRefusal.notAFeed("the document's root is <" + document.getRootElement().getName() + ">");
      }
      throw e;
    } catch (FeedException e) {
      throw new IllegalStateException("ROME refused a well-formed document", e);
    }
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
}
