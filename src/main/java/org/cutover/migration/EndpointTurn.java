package org.cutover.migration;

import java.util.List;

/** A pass's slots of every server it talks to; closing it frees them for the next pass. */
final class EndpointTurn implements AutoCloseable {

  private final List<EndpointSlot> slots;

  EndpointTurn(List<EndpointSlot> slots) {
    this.slots = List.copyOf(slots);
  }

  /** Null while every slot is held, else why one is not (the pass must stop before writing). */
  String check() {
    for (EndpointSlot slot : slots) {
      String lost = slot.check();
      if (lost != null) {
        return lost;
      }
    }
    return null;
  }

  @Override
  public void close() {
    slots.forEach(EndpointSlot::close);
  }
}
