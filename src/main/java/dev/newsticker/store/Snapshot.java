package dev.newsticker.store;

import dev.newsticker.model.Story;

import java.util.List;

/**
 * The newest stories, and a seq no later than the state they show: replaying events after
 * {@code seq} and skipping those a listed story already contains gives the exact live state.
 */
public record Snapshot(long seq, List<Story> stories) {
}
