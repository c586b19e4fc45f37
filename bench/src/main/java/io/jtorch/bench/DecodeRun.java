package io.jtorch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Decoding alone: every file of an image folder through {@code ImageIO.read}, the decoder behind
 * jtorch's ImageFolder, on one thread, in four passes; prints the seconds of each pass, JPEG and
 * PNG apart. The Python side is {@code bench/python/decode_run.py} (PIL, as torchvision's
 * loader).
 *
 * <pre>java -cp ... io.jtorch.bench.DecodeRun ROOT</pre>
 */
public final class DecodeRun {
    private DecodeRun() {}

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        ImageIO.setUseCache(false);
        for (int pass = 0; pass < 4; pass++) {
            double jpeg = 0;
            double png = 0;
            for (Path f : files) {
                long t0 = System.nanoTime();
                if (ImageIO.read(f.toFile()) == null) {
                    throw new IOException("cannot decode " + f);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (f.toString().endsWith(".png")) {
                    png += s;
                } else {
                    jpeg += s;
                }
            }
            System.out.printf(Locale.ROOT, "ImageIO pass %d: %d files %.3f s (JPEG %.3f, PNG %.3f)%n", pass, files.size(), jpeg + png, jpeg, png);
        }
    }
}
