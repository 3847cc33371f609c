package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import java.time.Duration;
import java.util.List;

/**
 * A feed document understood: its entries as items (not yet marked as history) and what it says about
 * polling and WebSub.
 *
 * @param ttl  the RSS {@code <ttl>}; zero when absent
 * @param hub  the WebSub hub the document names; null when none
 * @param self the document's own URL (the WebSub topic); null when not given
 */
record ParsedFeed(String title, Duration ttl, String hub, String self, List<FeedItem> items) {
}
