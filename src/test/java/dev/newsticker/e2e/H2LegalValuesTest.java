package dev.newsticker.e2e;

import io.vertx.core.json.JsonObject;

/** Legal values on the embedded store. */
class H2LegalValuesTest extends LegalValuesTest {

  @Override
  protected JsonObject storeSettings() {
    return new JsonObject();
  }
}
