package dev.switchboard.servlet.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.servlet.UpgradedConnection;
import dev.switchboard.servlet.WriteTarget;

class InputHoldsTest {

    private final AtomicInteger reopened = new AtomicInteger();
    private final InputHolds holds = new InputHolds(reopened::incrementAndGet);

    /** A target that is backlogged until told otherwise, and keeps the wake-ups it was given. */
    private static final class Target implements WriteTarget {
        final List<Runnable> wakeUps = new ArrayList<>();
        boolean backlogged = true;

        @Override
        public boolean whenWritable(Runnable wakeUp) {
            if (!backlogged) {
                return false;
            }
            wakeUps.add(wakeUp);
            return true;
        }

        void drained() {
            backlogged = false;
            wakeUps.forEach(Runnable::run);
            wakeUps.clear();
        }
    }

    @Test
    void inputFlowsWhileNothingIsHeld() {
        assertThat(holds.isOpen()).isTrue();
    }

    @Test
    void aHoldStopsInputUntilItIsReleased() {
        UpgradedConnection.InputHold hold = holds.suspend();
        assertThat(holds.isOpen()).isFalse();
        hold.release();
        assertThat(holds.isOpen()).isTrue();
        assertThat(reopened).hasValue(1);
    }

    @Test
    void aHoldReleasedTwiceCountsOnce() {
        UpgradedConnection.InputHold first = holds.suspend();
        holds.suspend();
        first.release();
        first.release();
        assertThat(holds.isOpen()).isFalse();
        assertThat(reopened).hasValue(0);
    }

    @Test
    void aWaitForABackloggedTargetHoldsInputUntilItDrains() {
        Target target = new Target();
        assertThat(holds.suspendUntilWritable(target)).isTrue();
        assertThat(holds.isOpen()).isFalse();
        target.drained();
        assertThat(holds.isOpen()).isTrue();
        assertThat(reopened).hasValue(1);
    }

    @Test
    void aWaitForATargetThatDrainedMeanwhileHoldsNothing() {
        Target target = new Target();
        target.backlogged = false; // drained between the write that returned false and the wait
        assertThat(holds.suspendUntilWritable(target)).isFalse();
        assertThat(holds.isOpen()).isTrue();
    }

    @Test
    void theHoldIsTakenBeforeTheTargetCanReleaseIt() {
        // A target that drains on "another thread" the moment the wake-up is registered.
        WriteTarget drainsAtOnce = wakeUp -> {
            wakeUp.run();
            return true;
        };
        holds.suspendUntilWritable(drainsAtOnce);
        assertThat(holds.isOpen()).isTrue();
        assertThat(reopened).hasValue(1);
    }

    @Test
    void waitsForSeveralTargetsAddUp() {
        Target a = new Target();
        Target b = new Target();
        holds.suspendUntilWritable(a);
        holds.suspendUntilWritable(b);
        a.drained();
        assertThat(holds.isOpen()).isFalse();
        b.drained();
        assertThat(holds.isOpen()).isTrue();
    }

    @Test
    void aWakeUpThatRunsTwiceReleasesItsHoldOnce() {
        Target target = new Target();
        holds.suspendUntilWritable(target);
        UpgradedConnection.InputHold other = holds.suspend();
        Runnable wakeUp = target.wakeUps.get(0);
        wakeUp.run();
        wakeUp.run();
        assertThat(holds.isOpen()).as("the other hold still holds").isFalse();
        other.release();
        assertThat(holds.isOpen()).isTrue();
    }
}
