package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link ImageFolder} of many empty image files lists quickly and in little memory, without
 * opening a file. The normal run uses 100,000 files; {@code -Djtorch.listing.files=1000000} runs
 * the full million (about 30 s to create the files on an SSD, 2 s to list them).
 *
 * <p>Bounds: the listing runs in a JVM whose heap is capped at 32 MB + 64 bytes per file (96 MB
 * for a million), so the whole listing, temporary lists included, must fit in it; and it must
 * take less than 2 s + 10 µs per file.
 */
class FolderListingScaleTest {
    private static final int FILES = Integer.getInteger("jtorch.listing.files", 100_000);

    @TempDir
    Path dir;

    /** All the files in one folder: the listing streams that folder's names into packed bytes instead of a String each. */
    @Test
    void manyFilesInOneFolderAreListedInTheSameMemory() throws Exception {
        Files.createDirectory(dir.resolve("a"));
        Files.createFile(dir.resolve("a").resolve("only.png"));
        Path big = Files.createDirectory(dir.resolve("b"));
        for (int i = 0; i < FILES; i++) {
            Files.createFile(big.resolve(String.format("img_%07d.png", FILES - 1 - i)));
        }
        long heapMb = 32 + (long) FILES * 64 / (1 << 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
                ListingProbe.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the listing did not finish");
        assertEquals(0, p.exitValue(), "listing " + FILES + " files of one folder in a " + heapMb + " MB heap failed:\n" + out);
        String[] f = out.substring(out.lastIndexOf("listed ")).split(" ");
        System.out.printf("ImageFolder listing, one folder: %d files listed in %s ms within a %d MB heap%n", FILES + 1, f[2], heapMb);
        assertEquals(FILES + 1, Long.parseLong(f[1]));
        assertEquals(dir.resolve(String.format("b/img_%07d.png", FILES - 1)).toString(), f[4], "sorted by name");
        assertEquals("1", f[5]);
    }

    @Test
    void manyFilesAreListedQuicklyInLittleMemory() throws Exception {
        long start = System.nanoTime();
        List<String> classes = List.of("cat", "dog", "emu");
        for (String c : classes) {
            Files.createDirectory(dir.resolve(c));
        }
        for (int i = 0; i < FILES; i++) {
            Files.createFile(dir.resolve(classes.get(i % 3)).resolve(String.format("img_%07d.png", i)));
        }
        double created = (System.nanoTime() - start) / 1e9;

        long heapMb = 32 + (long) FILES * 64 / (1 << 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
                ListingProbe.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the listing did not finish");
        assertEquals(0, p.exitValue(), "listing " + FILES + " files in a " + heapMb + " MB heap failed:\n" + out);
        String[] f = out.substring(out.lastIndexOf("listed ")).split(" ");
        long millis = Long.parseLong(f[2]);
        System.out.printf("ImageFolder listing: %d files created in %.1f s, listed in %d ms within a %d MB heap%n", FILES, created,
                millis, heapMb);
        assertEquals(FILES, Long.parseLong(f[1]));
        int lastEmu = FILES - 1;
        while (lastEmu % 3 != 2) {
            lastEmu--;
        }
        assertEquals(dir.resolve("cat/img_0000000.png").toString(), f[3]);
        assertEquals(dir.resolve(String.format("emu/img_%07d.png", lastEmu)).toString(), f[4]);
        assertEquals("2", f[5]);
        assertTrue(millis < 2000 + FILES / 100, "listing " + FILES + " files took " + millis + " ms");
    }
}
