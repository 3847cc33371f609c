package dev.newsticker.store;

import dev.newsticker.model.Story;

import java.util.List;

/**
 * What the desk needs to resume after a restart: the last seq, the live stories changed within
 * its window (at most as many as it holds, the last changed first), every live story whose
 * breaking flag ends by itself, whatever its age, so that its flag still ends, and the pairs of
 * stories editors kept apart.
 */
public record DeskState(long topSeq, List<Story> recent, List<Story> breakingWithEnd, List<StoryPair> apart) {
}
