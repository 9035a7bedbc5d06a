package dev.switchboard.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.switchboard.it.ClientThreads;
import dev.switchboard.it.Deployments;
import dev.switchboard.it.RawConnection;
import dev.switchboard.it.ServerUnderTest;

/**
 * Handlers whose callbacks write to each other ({@code pair/1}): both directions at full
 * speed at once, each side's output bounded, must neither deadlock nor lose or reorder a byte.
 */
public abstract class RelayScenarios {

    private static final int SIZE = 8 * 1024 * 1024;

    public static WebArchive war() {
        return Deployments.upgradeApp("relay");
    }

    protected abstract ServerUnderTest server();

    @Test
    @DisplayName("two connections relaying to each other in both directions at once deliver every byte, in order")
    void bothDirectionsAtOnce() throws Exception {
        ServerUnderTest s = server();
        try (RawConnection a = RawConnection.open(s.base()); RawConnection b = RawConnection.open(s.base())) {
            a.timeout(Duration.ofSeconds(60));
            b.timeout(Duration.ofSeconds(60));
            String request = Requests.upgrade(s, "room-" + System.nanoTime(), "pair/1");
            a.send(request);
            assertThat(a.readHead().status()).isEqualTo(101);
            b.send(request);
            assertThat(b.readHead().status()).isEqualTo(101);
            assertThat(a.readString(7)).isEqualTo("paired\n");
            assertThat(b.readString(7)).isEqualTo("paired\n");

            byte[] fromA = random(1);
            byte[] fromB = random(2);
            CompletableFuture<Void> aSends = send(a, fromA);
            CompletableFuture<Void> bSends = send(b, fromB);
            CompletableFuture<byte[]> aReads = ClientThreads.supply(() -> read(a));
            CompletableFuture<byte[]> bReads = ClientThreads.supply(() -> read(b));

            assertThat(bReads.get(120, TimeUnit.SECONDS)).as("what b received from a").isEqualTo(fromA);
            assertThat(aReads.get(120, TimeUnit.SECONDS)).as("what a received from b").isEqualTo(fromB);
            aSends.get(10, TimeUnit.SECONDS);
            bSends.get(10, TimeUnit.SECONDS);
        }
    }

    private static byte[] random(long seed) {
        byte[] bytes = new byte[SIZE];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static CompletableFuture<Void> send(RawConnection c, byte[] data) {
        return ClientThreads.run(() -> {
            try {
                for (int off = 0; off < data.length; off += 16 * 1024) {
                    c.output().write(data, off, Math.min(16 * 1024, data.length - off));
                }
                c.output().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] read(RawConnection c) {
        try {
            return c.readBytes(SIZE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
