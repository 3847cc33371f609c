package dev.newsticker.guard;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits first in the listening channel's pipeline, where each accepted connection passes as a
 * message before Netty hands it to Vert.x: the admission counts it from here, or closes it at once
 * when the process is at its descriptor ceiling. A connection closed here costs no event loop and
 * no buffer, and accept itself never fails for want of descriptors.
 */
final class AcceptGate extends ChannelInboundHandlerAdapter {
  private final Admission admission;

  AcceptGate(Admission admission) {
    this.admission = admission;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof Channel accepted && !admission.accept(accepted)) {
      // not registered with an event loop yet: close() would need one
      accepted.unsafe().closeForcibly();
      return;
    }
    ctx.fireChannelRead(message);
  }
}
