package dev.newsticker.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/**
 * The one class that reaches beneath the public API of Vert.x 5.0.7 and vertx-openapi
 * ({@code ArchitectureTest} allows no other). Each method says what it buys; after an upgrade,
 * this is the file to read. Where the internals are gone, {@link #available()} is false, the
 * fan-out writes every reader through Vert.x (counted on /metrics) and the server says so once at
 * start-up.
 */
public final class VertxInternals {
  private static final Logger LOG = LoggerFactory.getLogger(VertxInternals.class);
  private static final boolean AVAILABLE = probe();

  private VertxInternals() {
  }

  private static boolean probe() {
    try {
      ConnectionBase.class.getMethod("channel");
      BufferInternal.class.getMethod("getByteBuf");
      WebSocketFrameImpl.class.getConstructor(WebSocketFrameType.class, ByteBuf.class, boolean.class);
      return true;
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.debug("Vert.x internals not as expected", e);
      return false;
    }
  }

  /** Whether the internals the fan-out's fast path stands on are there. */
  public static boolean available() {
    return AVAILABLE;
  }

  /**
   * The Netty channel under a connection: the fan-out writes shared bytes into it, and the
   * connection limits hear it close (after a WebSocket upgrade the HTTP connection object is
   * replaced and its close handler never runs). Null when there is none to be had.
   */
  public static Channel channel(HttpConnection connection) {
    return AVAILABLE && connection instanceof ConnectionBase base ? base.channel() : null;
  }

  /**
   * The listening Netty channel under an HTTP server, or null when it cannot be reached. Its
   * pipeline sees every accepted connection before Vert.x does: Vert.x announces a connection only
   * once it has read its first bytes (it must tell HTTP/1.1 from HTTP/2), so a connection that never
   * sends anything is otherwise invisible. Reached through private fields of HttpServerImpl
   * ({@code tcpServer}) and NetServerImpl ({@code actualServer}, {@code bindFuture}).
   */
  public static Channel serverChannel(HttpServer server) {
    try {
      Object tcpServer = field(server, "tcpServer");
      Object actualServer = tcpServer == null ? null : field(tcpServer, "actualServer");
      Object bound = actualServer == null ? null : field(actualServer, "bindFuture");
      return bound instanceof Future<?> future && future.result() instanceof Channel channel ? channel : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("the listening channel is out of reach", e);
      return null;
    }
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  /** A Vert.x buffer over Netty bytes, without a copy. */
  public static Buffer buffer(ByteBuf bytes) {
    return BufferInternal.buffer(bytes);
  }

  /**
   * A text frame over UTF-8 bytes already encoded: the public API only builds one from a String,
   * re-encoding it for every connection. The frame reads its own view of the bytes.
   */
  public static WebSocketFrame textFrame(ByteBuf utf8) {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.duplicate(), true);
  }

  /** How many event loops this Vert.x runs: the public API does not say, the options it was built with may be gone. */
  public static int eventLoops(Vertx vertx) {
    int loops = 0;
    for (EventExecutor ignored : ((VertxInternal) vertx).eventLoopGroup()) {
      loops++;
    }
    return loops;
  }

  /** A request of scalar query parameters, each value as the route reads it (decoded once). */
  public static ValidatableRequest queryRequest(Map<String, String> query) {
    Map<String, RequestParameter> parameters = new HashMap<>();
    query.forEach((name, value) -> parameters.put(name, new RequestParameterImpl(value)));
    return new ValidatableRequestImpl(Map.of(), Map.of(), Map.of(), parameters);
  }

  /**
   * vertx-openapi's request validator with its parts reachable: the public one runs every check
   * on a worker thread, a hop per request that costs more than checking a small body.
   */
  public static RequestChecks requestChecks(Vertx vertx, OpenAPIContract contract) {
    RequestValidatorImpl validator = new RequestValidatorImpl(vertx, contract);
    return new RequestChecks() {
      @Override
      public void parameter(Parameter parameter, RequestParameter value) {
        validator.validateParameter(parameter, value);
      }

      @Override
      public void body(RequestBody body, ValidatableRequest request) {
        validator.validateBody(body, request);
      }

      @Override
      public Future<?> onWorker(ValidatableRequest request, String operationId) {
        return validator.validate(request, operationId);
      }
    };
  }

  /** The checks of one OpenAPI contract; the first two throw a ValidatorException on a refusal. */
  public interface RequestChecks {
    void parameter(Parameter parameter, RequestParameter value);

    void body(RequestBody body, ValidatableRequest request);

    Future<?> onWorker(ValidatableRequest request, String operationId);
  }
}
