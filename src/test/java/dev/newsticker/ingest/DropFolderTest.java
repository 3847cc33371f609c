package dev.newsticker.ingest;

import dev.newsticker.config.ConfigReader;
import dev.newsticker.desk.DeskClient;
import dev.newsticker.model.FeedItem;
import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class DropFolderTest {

  /** Writes beside the folder and moves in, as a careful sender does. */
  private static void drop(Path folder, String name, String text) throws IOException {
    Path temporary = folder.resolve(name + ".part");
    Files.writeString(temporary, text);
    Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void wireTextIsIngestedOnceAndMovedToDoneOrFailed(Vertx vertx, @TempDir Path data, @TempDir Path folder)
    throws IOException {
    DeskStub desk = new DeskStub();
    Await.result(desk.register(vertx));
    FeedSettings settings = FeedSettings.parse(new ConfigReader(new JsonObject()
      .put("dropFolder", folder.toString()).put("dropSource", "desk-drop").put("dropScanMillis", 100), "feeds"), data, 400);
    Await.result(vertx.deployVerticle(new DropFolderVerticle(settings, new DeskClient(vertx, 10_000, 200))));

    drop(folder, "morning.txt", "Ferry strike ends after two days\n-\nCentral bank holds rates\n-\n"
      + "Storm warning for the coast\nForecasters expect gales along the whole coast from Sunday evening onwards.\n"
      + "J.Horn--BTB\n");
    Await.until("the good file done", () -> Files.exists(folder.resolve("done/morning.txt")));
    assertFalse(Files.exists(folder.resolve("morning.txt")));
    Await.until("its items at the desk", () -> desk.items.size() == 3);
    assertEquals("Ferry strike ends after two days", desk.items.get(0).headline());
    assertEquals("desk-drop", desk.items.get(0).source());
    assertEquals("BTB", desk.items.get(2).source());
    assertTrue(desk.items.stream().noneMatch(FeedItem::history), "dropped wire copy is news");

    drop(folder, "empty.txt", "  \n");
    Await.until("the bad file failed", () -> Files.exists(folder.resolve("failed/empty.txt.reason")));
    assertTrue(Files.exists(folder.resolve("failed/empty.txt")));
    assertEquals("wire text is empty", Files.readString(folder.resolve("failed/empty.txt.reason")).trim());

    drop(folder, "morning.txt", "Second edition headline\n");
    Await.until("a second file of the same name kept apart", () -> desk.items.size() == 4);
    Await.until("moved beside the first", () -> folder.resolve("done").toFile().list().length == 2);
    assertEquals(4, desk.items.size(), "each file once");
  }
}
