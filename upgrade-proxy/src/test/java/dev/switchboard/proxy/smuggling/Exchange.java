package dev.switchboard.proxy.smuggling;

import java.util.Random;

/**
 * One generated exchange: a client framing, a backend answer, the content sent (plain text, or
 * text that is itself a request), whether a second request is pipelined behind the first, and
 * where the client splits its bytes into two writes.
 */
record Exchange(long id, ClientFraming framing, BackendAnswer answer, String body, String pipelined, int split,
        long deadlineMillis) {

    /**
     * Exchange number {@code id} of {@code count}: when {@code count} covers every pair of framing
     * and answer, the pairs in order and then pairs drawn from {@code seed}; otherwise (a sample)
     * every pair drawn. The rest is drawn from {@code seed} and {@code id} alone.
     */
    static Exchange generate(long id, int count, long seed, long deadlineMillis) {
        ClientFraming[] framings = ClientFraming.values();
        BackendAnswer[] answers = BackendAnswer.values();
        int all = framings.length * answers.length;
        Random random = new Random(seed * 1_000_003L + id);
        boolean walk = count >= all && id < all;
        ClientFraming framing = walk ? framings[(int) (id % framings.length)] : framings[random.nextInt(framings.length)];
        BackendAnswer answer = walk ? answers[(int) (id / framings.length)] : answers[random.nextInt(answers.length)];
        String host = "127.0.0.1";
        String body = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "q".repeat(1 + random.nextInt(200));
            default -> "GET /gw/SMUGGLED-IN-BODY-" + id + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
        };
        if (answer == BackendAnswer.NEVER_READS) {
            body = "n".repeat(60 * 1024); // more than the backend's window: the tunnel's write must time out
        }
        String pipelined = random.nextInt(4) == 0 ? ""
                : "GET /gw/SMUGGLED-" + id + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
        int split = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(60);
        return new Exchange(id, framing, answer, body, pipelined, split, deadlineMillis);
    }

    /** The client's bytes. */
    byte[] request(String host) {
        return framing.request(host, id, body, pipelined);
    }

    @Override
    public String toString() {
        return "#" + id + " " + framing + " x " + answer + (pipelined.isEmpty() ? "" : " + pipelined")
                + (body.isEmpty() ? "" : " (" + body.length() + " bytes of content)");
    }
}
