package io.jtorch.vision.datasets;

import java.nio.file.Path;

/**
 * Lists an {@link ImageFolder} in a JVM of its own, whose heap limit is the memory bound under
 * test, and prints {@code listed <count> <milliseconds> <first path> <last path> <label of last>}.
 */
public final class ListingProbe {
    private ListingProbe() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        ImageFolder folder = new ImageFolder(Path.of(args[0]));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long last = folder.size() - 1;
        System.out.println("listed " + folder.size() + " " + millis + " " + folder.path(0) + " " + folder.path(last) + " "
                + folder.label(last));
    }
}
