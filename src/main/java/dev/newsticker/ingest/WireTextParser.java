package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain "wire text" format: blocks separated by a line holding only {@code -}. A block
 * of one line is a headline. A longer block is a full story: its title, body paragraphs (a line
 * like {@code - 'Critical issue' -} is a subhead kept in the body) and, last, a byline such as
 * {@code J.Horn--BTB} whose code after {@code --} names the source. Headline lines standing
 * directly before a story's title are headlines of their own.
 */
public final class WireTextParser {

  private static final Pattern BYLINE = Pattern.compile("^(\\S(?:[^\\s-]|-(?!-))*(?: \\S+){0,3})--([A-Za-z][A-Za-z0-9]{1,15})$");
  private static final Pattern SUBHEAD = Pattern.compile("^- .+ -$");
  private static final int HEADLINE_MAX = 160;

  private WireTextParser() {
  }

  public static List<FeedItem> parse(String text, String defaultSource) {
    if (text == null || text.isBlank()) {
      throw new WireTextException("wire text is empty");
    }
    List<FeedItem> items = new ArrayList<>();
    List<String> block = new ArrayList<>();
    int blockStart = 1;
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = Text.clean(lines[i]);
      if (line.equals("-")) {
        readBlock(block, blockStart, defaultSource, items);
        block.clear();
        blockStart = i + 2;
      } else if (!line.isEmpty()) {
        block.add(line);
      }
    }
    readBlock(block, blockStart, defaultSource, items);
    if (items.isEmpty()) {
      throw new WireTextException("wire text holds no headline");
    }
    return items;
  }

  private static void readBlock(List<String> block, int firstLine, String defaultSource, List<FeedItem> items) {
    if (block.isEmpty()) {
      return;
    }
    if (block.size() == 1) {
      items.add(FeedItem.headline(defaultSource, block.get(0)));
      return;
    }
    String byline = null;
    String source = defaultSource;
    List<String> lines = block;
    Matcher matcher = BYLINE.matcher(block.get(block.size() - 1));
    if (matcher.matches()) {
      byline = matcher.group(0);
      source = matcher.group(2);
      lines = block.subList(0, block.size() - 1);
    }
    int firstParagraph = firstParagraph(lines);
    if (firstParagraph < 0) {
      lines.forEach(line -> items.add(FeedItem.headline(defaultSource, line)));
      return;
    }
    if (firstParagraph == 0) {
      throw new WireTextException("the block at line " + firstLine + " starts with a paragraph, not a headline");
    }
    for (String headline : lines.subList(0, firstParagraph - 1)) {
      items.add(FeedItem.headline(defaultSource, headline));
    }
    List<String> body = List.copyOf(lines.subList(firstParagraph, lines.size()));
    items.add(new FeedItem(null, source, lines.get(firstParagraph - 1), body.get(0), body, null, byline,
      null, List.of(), null, null, false));
  }

  /** The index of the first body paragraph, or -1 when every line reads as a headline. */
  private static int firstParagraph(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (isParagraph(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isParagraph(String line) {
    if (SUBHEAD.matcher(line).matches()) {
      return true;
    }
    char last = line.charAt(line.length() - 1);
    boolean endsSentence = last == '.' || last == '"' || last == '\u201d' || last == '!' || last == ':';
    return line.length() > HEADLINE_MAX || (endsSentence && line.split(" ").length > 8);
  }
}
