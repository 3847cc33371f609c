package dev.newsticker.ingest;

import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.CDATA;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.Text;
import org.jdom2.filter.Filters;
import org.jdom2.input.JDOMParseException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decoded XML text to the JDOM document ROME reads, with what ROME leaves undone done first: a bare DOCTYPE is
 * dropped wherever it stands before the root (one with an internal subset, where entities live, is refused); CDATA
 * becomes text (Atom 0.3 would otherwise keep the CDATA markup as the title); a namespace-less {@code <feed>} is
 * read as Atom; base64 content (Atom 0.3 {@code mode="base64"}, Atom 1.0 content of a non-text media type) is
 * decoded here, leniently about line breaks; an {@code <rss>} without a channel is refused by name.
 *
 * <p>Parsed by ROME's own hardened SAX builder: DOCTYPEs disallowed, no external entities or DTDs.
 */
final class FeedDocument {
  private static final Pattern LEADING = Pattern.compile("(?s)^(\\s*(?:(?:<\\?.*?\\?>|<!--.*?-->)\\s*)*)");
  private static final Pattern HTML = Pattern.compile("(?i)^(?:<!DOCTYPE\\s+html|<html)");
  private static final Pattern DOCTYPE = Pattern.compile("^<!DOCTYPE(?:[^\\[>\"']|\"[^\"]*\"|'[^']*')*(>|\\[)");
  private static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
  private static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");

  private FeedDocument() {
  }

  static Document read(String text) {
    String xml = withoutBareDoctype(text);
    Document document;
    try {
      document = new HardenedInput().builder().build(new XmlFixerReader(new StringReader(xml)));
    } catch (JDOMParseException e) {
      throw FeedRefusal.malformed("not well-formed XML at line " + e.getLineNumber()
        + ", column " + e.getColumnNumber());
    } catch (JDOMException | IOException e) {
      throw FeedRefusal.malformed("not well-formed XML");
    }
    Element root = document.getRootElement();
    boolean rss = "rss".equals(root.getName()) || "RDF".equals(root.getName());
    if (rss && root.getChildren().stream().noneMatch(child -> "channel".equals(child.getName()))) {
      throw FeedRefusal.malformed("no channel element");
    }
    if ("feed".equals(root.getName()) && root.getNamespace() == Namespace.NO_NAMESPACE) {
      String version = root.getAttributeValue("version", "");
      intoNamespace(root, version.startsWith("0.") ? ATOM_03 : ATOM_10);
    }
    cdataAsText(root);
    if (ATOM_03.equals(root.getNamespace())) {
      decodeAtom03Base64(root);
    } else if (ATOM_10.equals(root.getNamespace())) {
      decodeAtom10Base64(root);
    }
    return document;
  }

  /** The text without a bare DOCTYPE before the root; HTML and a DOCTYPE with an internal subset are refused. */
  private static String withoutBareDoctype(String text) {
    Matcher leading = LEADING.matcher(text);
    int start = leading.find() ? leading.end() : 0;
    String rest = text.substring(start);
    if (HTML.matcher(rest).find()) {
      throw FeedRefusal.notAFeed("the server sent an HTML page");
    }
    Matcher doctype = DOCTYPE.matcher(rest);
    if (!doctype.find()) {
      return text;
    }
    if ("[".equals(doctype.group(1))) {
      throw FeedRefusal.unsafe("the document declares its own entities (a DOCTYPE with an internal subset)");
    }
    return text.substring(0, start) + rest.substring(doctype.end());
  }

  private static void intoNamespace(Element root, Namespace namespace) {
    for (Element element : root.getDescendants(Filters.element(null, Namespace.NO_NAMESPACE))) {
      element.setNamespace(namespace);
    }
    root.setNamespace(namespace);
  }

  private static void cdataAsText(Element root) {
    List<CDATA> sections = new ArrayList<>();
    root.getDescendants(Filters.cdata()).forEach(sections::add);
    for (CDATA section : sections) {
      Element parent = section.getParentElement();
      parent.setContent(parent.indexOf(section), new Text(section.getText()));
    }
  }

  private static void decodeAtom03Base64(Element root) {
    for (Element element : elements(root, ATOM_03)) {
      if ("base64".equals(element.getAttributeValue("mode"))) {
        replaceWithDecoded(element);
        element.setAttribute("mode", "escaped");
      }
    }
  }

  /** RFC 4287 §4.1.3.3: content of a media type that is neither text nor XML is base64. */
  private static void decodeAtom10Base64(Element root) {
    for (Element element : elements(root, ATOM_10)) {
      String type = element.getAttributeValue("type", "").toLowerCase();
      boolean binary = "content".equals(element.getName()) && element.getAttribute("src") == null
        && type.contains("/") && !type.startsWith("text/") && !type.contains("xml");
      if (binary) {
        replaceWithDecoded(element);
        element.setAttribute("type", "html");
      }
    }
  }

  private static List<Element> elements(Element root, Namespace namespace) {
    List<Element> found = new ArrayList<>();
    root.getDescendants(Filters.element(namespace)).forEach(found::add);
    return found;
  }

  /** Decoded base64 that is UTF-8 text replaces the element's content; anything else (an image) is dropped. */
  private static void replaceWithDecoded(Element element) {
    String decoded = Base64Text.decode(element.getText());
    if (decoded == null) {
      element.detach();
    } else {
      element.setText(decoded);
    }
  }

  /** ROME's own SAX builder: DOCTYPE declarations, external entities and external DTDs switched off. */
  private static final class HardenedInput extends WireFeedInput {
    SAXBuilder builder() {
      return createSAXBuilder();
    }
  }
}
