package dev.newsticker.ingest;

import dev.newsticker.desk.DeskClient;
import dev.newsticker.model.FeedItem;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileProps;
import io.vertx.core.file.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the drop folder for wire-text files, and its {@code feeds/} subfolder for feed documents. A file is
 * taken once it has looked the same (size and modification time) on two scans in a row, so a copy still in
 * progress is left alone. Wire text must be text ({@link DroppedText}) and is read with {@link WireTextParser};
 * a feed file is read with the same {@link FeedParser} as a polled feed. What was read is handed to the desk and
 * the file moved to {@code done/}; a file that cannot be read goes to {@code failed/} with a {@code .reason}
 * file beside it. When the desk is unavailable the file stays where it is and is tried again on the next scan.
 */
public class DropFolderVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(DropFolderVerticle.class);

  private static final String FEEDS = "feeds";

  private final FeedSettings settings;
  private final FeedParser feedParser;
  private final Map<String, String> lastSeen = new HashMap<>();
  private final DeskClient desk;
  private FileSystem fs;
  private String folder;
  private long timer = -1;
  private boolean scanning;

  public DropFolderVerticle(FeedSettings settings, DeskClient desk) {
    this.settings = settings;
    this.desk = desk;
    this.feedParser = new FeedParser(settings.headlineChars());
  }

  @Override
  public Future<?> start() {
    if (settings.dropFolder() == null) {
      return Future.succeededFuture();
    }
    fs = vertx.fileSystem();
    folder = settings.dropFolder().toAbsolutePath().toString();
    return fs.mkdirs(sub("done"))
      .compose(v -> fs.mkdirs(sub("failed")))
      .compose(v -> fs.mkdirs(sub(FEEDS)))
      .onSuccess(v -> {
        timer = vertx.setPeriodic(settings.dropScanMillis(), id -> scan());
        log.info("Watching drop folder {}", folder);
      });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void scan() {
    if (scanning) {
      return;
    }
    scanning = true;
    fs.readDir(folder)
      .compose(wire -> fs.readDir(sub(FEEDS)).recover(gone -> Future.succeededFuture(List.of())).map(feeds -> {
        List<String> all = new ArrayList<>(wire);
        all.addAll(feeds);
        return all;
      }))
      .compose(this::takeStable)
      .onFailure(e -> log.warn("Cannot scan drop folder {}: {}", folder, e.getMessage()))
      .onComplete(ar -> scanning = false);
  }

  /** Processes, one after another, the files that did not change since the previous scan. */
  private Future<Void> takeStable(List<String> paths) {
    Future<Void> chain = Future.succeededFuture();
    Map<String, String> seenNow = new HashMap<>();
    for (String path : paths) {
      String name = Path.of(path).getFileName().toString();
      if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
        continue;
      }
      chain = chain.compose(v -> fs.props(path)).compose(props -> {
        if (!props.isRegularFile()) {
          return Future.succeededFuture();
        }
        String signature = signature(props);
        seenNow.put(path, signature);
        return signature.equals(lastSeen.get(path)) ? ingest(path, name) : Future.succeededFuture();
      }).recover(e -> Future.succeededFuture());
    }
    return chain.onComplete(ar -> {
      lastSeen.clear();
      lastSeen.putAll(seenNow);
    });
  }

  private Future<Void> ingest(String path, String name) {
    boolean feed = Path.of(path).getParent().getFileName().toString().equals(FEEDS);
    return fs.readFile(path)
      .compose(bytes -> vertx.executeBlocking(() -> feed ? feedItems(name, bytes)
        : WireTextParser.parse(DroppedText.read(bytes.getBytes()), settings.dropSource()), false))
      .compose(items -> desk.ingest(items)
        .compose(results -> {
          log.info("Drop folder: {} gave {} items", name, results.size());
          return move(path, sub("done"), name).<Void>mapEmpty();
        }, deskDown -> {
          log.warn("Drop folder: desk did not take {}, will retry: {}", name, deskDown.getMessage());
          return Future.succeededFuture();
        }))
      .recover(unreadable -> fail(path, name, reason(unreadable)))
      .onComplete(ar -> lastSeen.remove(path));
  }

  /** Our own words for why a file failed; an exception nobody foresaw is logged, not shown. */
  private static String reason(Throwable failure) {
    if (failure instanceof WireTextException || failure instanceof FetchException) {
      return failure.getMessage();
    }
    log.warn("Drop folder: a file could not be read", failure);
    return "the file could not be read";
  }

  private Future<Void> fail(String path, String name, String reason) {
    log.info("Drop folder: {} failed: {}", name, reason);
    return move(path, sub("failed"), name)
      .compose(target -> fs.writeFile(target + ".reason", Buffer.buffer(reason + "\n", "UTF-8")));
  }

  /** Moves the file into {@code dir}, never over an earlier file of the same name; returns where it went. */
  private Future<String> move(String path, String dir, String name) {
    String target = Path.of(dir, name).toString();
    return fs.exists(target).compose(taken -> {
      String free = taken ? Path.of(dir, System.currentTimeMillis() + "-" + name).toString() : target;
      return fs.move(path, free).map(free);
    });
  }

  /** A dropped feed's entries, as news; the same file name again is the same feed (updates, not duplicates). */
  private List<FeedItem> feedItems(String name, Buffer bytes) {
    FeedDefinition feed = new FeedDefinition("drop-" + Hashes.shortId(name), "file:" + name, settings.dropSource(),
      null, null, false);
    List<FeedItem> items = feedParser.parse(bytes, null, feed, Instant.now()).items();
    if (items.isEmpty()) {
      throw new WireTextException("the feed holds no entries");
    }
    return items;
  }

  private static String signature(FileProps props) {
    return props.size() + "/" + props.lastModifiedTime();
  }

  private String sub(String name) {
    return Path.of(folder, name).toString();
  }
}
