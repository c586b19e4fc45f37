package io.jtorch.bench;

import io.jtorch.Scope;
import io.jtorch.vision.datasets.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Decoding alone: every file of an image folder through {@code Images.readImage} (the reader
 * behind jtorch's ImageFolder), on one thread, in four passes, each pass once with the native
 * decoders (libjpeg-turbo and libpng, where installed) and once with them off
 * ({@code -Djtorch.image.nativeDecoders=false}: javax.imageio); prints the seconds of each, JPEG
 * and PNG apart. The Python side is {@code bench/python/decode_run.py} (PIL, as torchvision's
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
            for (boolean nativeDecoders : new boolean[] {true, false}) {
                System.setProperty("jtorch.image.nativeDecoders", String.valueOf(nativeDecoders));
                double jpeg = 0;
                double png = 0;
                for (Path f : files) {
                    long t0 = System.nanoTime();
                    try (Scope s = Scope.open()) {
                        Images.readImage(f);
                    }
                    double sec = (System.nanoTime() - t0) / 1e9;
                    if (f.toString().endsWith(".png")) {
                        png += sec;
                    } else {
                        jpeg += sec;
                    }
                }
                System.out.printf(Locale.ROOT, "%s pass %d: %d files %.3f s (JPEG %.3f, PNG %.3f)%n",
                        nativeDecoders ? "jtorch native" : "jtorch ImageIO", pass, files.size(), jpeg + png, jpeg, png);
            }
        }
    }
}
