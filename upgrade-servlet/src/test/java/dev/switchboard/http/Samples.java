package dev.switchboard.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Generated inputs for property tests: a seeded random source with a few generators that lean
 * towards the edges (empty, shortest, longest), and a runner that checks a property on many
 * samples and names the failing one. The seed is fixed, so every build checks the same
 * samples; {@code -Dsamples.seed=N} checks others. Not thread-safe.
 */
final class Samples {

    /** Characters that may appear in a token (RFC 9110 section 5.6.2). */
    static final String TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A generous bound in seconds on one check: the parsers are linear, so only a loop comes near it. */
    private static final long NO_LOOP_SECONDS = 10;

    private static final ExecutorService CHECKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "property-under-test");
        t.setDaemon(true);
        return t;
    });

    private final Random random;

    private Samples(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Checks {@code property} on {@code tries} samples from {@code generator}, each on a thread
     * of its own with a time bound; the first failure is rethrown naming the sample and seed.
     */
    static <T> void check(int tries, Function<Samples, T> generator, Consumer<T> property) {
        long seed = Long.getLong("samples.seed", 1L);
        Samples samples = new Samples(seed);
        for (int n = 0; n < tries; n++) {
            T sample = generator.apply(samples);
            try {
                bounded(() -> {
                    property.accept(sample);
                    return null;
                });
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sample " + n + " of seed " + seed + " failed: " + describe(sample), e);
            }
        }
    }

    /** The result of {@code task}; whatever it throws is rethrown, and running past the bound fails. */
    static <T> T bounded(Callable<T> task) {
        try {
            return CHECKER.submit(task).get(NO_LOOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + NO_LOOP_SECONDS + " s: a loop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int between(int min, int max) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return min;
        }
        if (roll == 1) {
            return max;
        }
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A string of {@code min..max} characters drawn from {@code alphabet}. */
    String string(String alphabet, int min, int max) {
        int length = between(min, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Any characters at all, controls, non-Latin-1 and lone surrogates included. */
    String anyText(int max) {
        int length = between(0, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            out.append((char) (kind == 0 ? random.nextInt(0x20) : kind == 1 ? 0x20 + random.nextInt(0x5f)
                    : kind == 2 ? 0x7f + random.nextInt(0x81) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    /** {@code min..max} elements from {@code element}. */
    <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.get());
        }
        return out;
    }

    private static String describe(Object sample) {
        String text = String.valueOf(sample);
        return OneLine.of(text.length() > 400 ? text.substring(0, 400) + "..." : text);
    }
}
