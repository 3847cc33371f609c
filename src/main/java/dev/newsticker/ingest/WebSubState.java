package dev.newsticker.ingest;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

import static dev.newsticker.model.JsonFields.instant;
import static dev.newsticker.model.JsonFields.putIfPresent;

/** One feed's WebSub subscription: the hub, the topic, our secret, and how far the handshake got. */
final class WebSubState {
  enum Phase { NONE, PENDING, SUBSCRIBED, DENIED, FAILED }

  String hub;
  String topic;
  String secret;
  Phase phase = Phase.NONE;
  Instant requestedAt;
  Instant leaseExpires;
  String error;
  long renewTimer = -1;

  boolean active() {
    return phase == Phase.SUBSCRIBED && leaseExpires != null && leaseExpires.isAfter(Instant.now());
  }

  JsonObject toApiJson() {
    if (hub == null) {
      return null;
    }
    JsonObject json = new JsonObject().put("hub", hub).put("topic", topic).put("state", phase.name().toLowerCase());
    putIfPresent(json, "leaseExpires", leaseExpires);
    return putIfPresent(json, "error", error);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("phase", phase.name());
    putIfPresent(json, "hub", hub);
    putIfPresent(json, "topic", topic);
    putIfPresent(json, "secret", secret);
    putIfPresent(json, "requestedAt", requestedAt);
    putIfPresent(json, "leaseExpires", leaseExpires);
    return putIfPresent(json, "error", error);
  }

  void load(JsonObject json) {
    hub = json.getString("hub");
    topic = json.getString("topic");
    secret = json.getString("secret");
    phase = Phase.valueOf(json.getString("phase", Phase.NONE.name()));
    requestedAt = instant(json, "requestedAt");
    leaseExpires = instant(json, "leaseExpires");
    error = json.getString("error");
  }
}
