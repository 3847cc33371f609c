package dev.newsticker.push;

import dev.newsticker.config.Settings;

/** What every reader on one event loop shares: the loop's hub, the replay source, settings, metrics. */
public record Streams(LoopHub hub, Replay replay, Settings.Stream settings, PushMetrics metrics) {
}
