package dev.newsticker.guard;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not sent a complete request head within its time: a client that
 * connects and says nothing, or sends its head a byte at a time (slowloris), would otherwise hold
 * its descriptor for ever. Runs once the connection has its event loop, then leaves the pipeline.
 */
final class HeadTimer extends ChannelInitializer<Channel> {
  private final Ticket ticket;
  private final int seconds;
  private final Runnable onTimeout;

  HeadTimer(Ticket ticket, int seconds, Runnable onTimeout) {
    this.ticket = ticket;
    this.seconds = seconds;
    this.onTimeout = onTimeout;
  }

  @Override
  protected void initChannel(Channel channel) {
    if (!ticket.headSeen()) {
      ticket.headTimer(channel.eventLoop().schedule(() -> {
        if (!ticket.headSeen()) {
          onTimeout.run();
          channel.close();
        }
      }, seconds, TimeUnit.SECONDS));
    }
  }
}
