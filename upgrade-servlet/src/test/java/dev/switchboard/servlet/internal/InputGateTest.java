package dev.switchboard.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputGateTest {

    private final InputGate gate = new InputGate();

    @Test
    void isOpenAtFirst() {
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void aSuspensionClosesItAndItsResumeOpensIt() {
        gate.suspend();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.resume()).as("read again").isTrue();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void aResumeThatArrivesBeforeItsSuspensionIsNotLost() {
        assertThat(gate.resume()).as("nothing to read again yet").isFalse();
        gate.suspend();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void anEarlyResumeIsUsedUpByOneSuspension() {
        gate.resume();
        gate.suspend();
        gate.suspend();
        assertThat(gate.isOpen()).isFalse();
    }

    @Test
    void twoSuspensionsNeedOneResume() {
        gate.suspend();
        gate.suspend();
        assertThat(gate.resume()).isTrue();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void waitsAreCounted() {
        gate.await();
        gate.await();
        assertThat(gate.released()).isFalse();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.released()).isTrue();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void aReleaseDoesNotOpenASuspendedGate() {
        gate.suspend();
        gate.await();
        assertThat(gate.released()).isFalse();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.resume()).isTrue();
    }

    @Test
    void aResumeDoesNotOpenAGateThatWaits() {
        gate.await();
        gate.suspend();
        assertThat(gate.resume()).isFalse();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.released()).isTrue();
    }

    @Test
    void aReleaseWithoutAWaitIsAnError() {
        assertThatThrownBy(gate::released).isInstanceOf(IllegalStateException.class);
    }
}
