package dev.newsticker.api;

import io.vertx.core.json.JsonObject;

/** A published item the server refuses; names the item (its index in the request) and the field. */
public class InvalidItemException extends RuntimeException {
  private final int item;
  private final String field;

  public InvalidItemException(int item, String field, String reason) {
    super(reason);
    this.item = item;
    this.field = field;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("error", getMessage());
    if (item >= 0) {
      json.put("item", item);
    }
    if (field != null) {
      json.put("field", field);
    }
    return json;
  }
}
