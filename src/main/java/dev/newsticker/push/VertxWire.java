package dev.newsticker.push;

import io.netty.buffer.ByteBuf;
import io.vertx.core.json.JsonObject;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A reader written through Vert.x's own write path, with views of the shared bytes (no re-encoding). */
final class VertxWire implements ReaderWire {
  private final Framing framing;
  private final BooleanSupplier full;
  private final Consumer<ByteBuf> write;

  /** {@code write} takes bytes framed for the wire and hands Vert.x what it frames itself. */
  VertxWire(Framing framing, BooleanSupplier full, Consumer<ByteBuf> write) {
    this.framing = framing;
    this.full = full;
    this.write = write;
  }

  @Override
  public boolean full() {
    return full.getAsBoolean();
  }

  @Override
  public void event(OutboundEvent event) {
    write.accept(framing.event(event));
  }

  @Override
  public void message(String type, long seq, JsonObject body) {
    write.accept(framing.message(type, seq, body));
  }

  @Override
  public void heartbeat() {
    write.accept(framing.heartbeat());
  }
}
