package dev.switchboard.tls.internal.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionSlotsTest {

    @Test
    void aClientGetsNoMoreThanItsShare() {
        ConnectionSlots slots = new ConnectionSlots(10, 2);
        assertThat(slots.tryTake("192.0.2.1")).isTrue();
        assertThat(slots.tryTake("192.0.2.1")).isTrue();
        assertThat(slots.tryTake("192.0.2.1")).isFalse();
        assertThat(slots.fullFor("192.0.2.1")).isTrue();
        assertThat(slots.open()).isEqualTo(2);
    }

    @Test
    void anotherClientIsServedWhileOneHoldsItsShare() {
        ConnectionSlots slots = new ConnectionSlots(10, 2);
        slots.tryTake("192.0.2.1");
        slots.tryTake("192.0.2.1");
        assertThat(slots.tryTake("192.0.2.2")).isTrue();
    }

    @Test
    void aSlotGivenBackCanBeTakenAgain() {
        ConnectionSlots slots = new ConnectionSlots(10, 1);
        slots.tryTake("192.0.2.1");
        slots.give("192.0.2.1");
        assertThat(slots.fullFor("192.0.2.1")).isFalse();
        assertThat(slots.tryTake("192.0.2.1")).isTrue();
        assertThat(slots.open()).isEqualTo(1);
    }

    @Test
    void theTotalLimitHoldsAcrossClients() {
        ConnectionSlots slots = new ConnectionSlots(2, 2);
        slots.tryTake("192.0.2.1");
        slots.tryTake("192.0.2.2");
        assertThat(slots.full()).isTrue();
        assertThat(slots.tryTake("192.0.2.3")).isFalse();
        assertThat(slots.fullFor("192.0.2.3")).isFalse();
        assertThat(slots.open()).isEqualTo(2);
    }
}
