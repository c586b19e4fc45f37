package io.jtorch.vision.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe (or a link to one) named like an image in a class folder: listed as torchvision
 * lists it, so indices and lengths agree, but refused when read, with the file named, instead of
 * blocking forever as opening a pipe for reading does (and as torchvision's loader does).
 */
class ImageFolderPipeTest {
    @TempDir
    Path dir;

    private Path folderWithPipe(boolean link) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")), "no mkfifo here");
        for (String c : new String[] {"cat", "dog"}) {
            Files.createDirectories(dir.resolve(c));
            ImageIO.write(new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(c + "/a.png").toFile());
        }
        Path fifo = link ? dir.resolve("elsewhere.fifo") : dir.resolve("cat/x.jpg");
        mkfifo(fifo);
        if (link) {
            Files.createSymbolicLink(dir.resolve("cat/x.jpg"), fifo);
        }
        return dir.resolve("cat/x.jpg");
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            assertEquals(0, p.waitFor(), "mkfifo " + path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void assertRefused(Path pipe, RuntimeException e) {
        assertEquals("cannot decode " + pipe + ": it is a named pipe (FIFO), not a regular file; jtorch reads regular files only (a pipe "
                + "or device could block or never end)", e.getMessage());
    }

    @Test
    void aPipeNamedLikeAnImageIsListedButRefusedWhenRead() throws IOException {
        Path pipe = folderWithPipe(false);
        ImageFolder folder = new ImageFolder(dir);
        assertEquals(3, folder.size(), "listed like torchvision's ImageFolder, which checks names only");
        assertEquals(pipe, folder.path(1));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertRefused(pipe, assertThrows(IllegalArgumentException.class, () -> folder.get(1)));
            assertEquals(6, folder.get(0).input().size(2), "the other images still read");
        });
    }

    @Test
    void aLinkToAPipeIsRefusedLikeThePipe() throws IOException {
        Path pipe = folderWithPipe(true);
        ImageFolder folder = new ImageFolder(dir);
        assertEquals(pipe, folder.path(1));
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertRefused(pipe, assertThrows(IllegalArgumentException.class, () -> folder.get(1))));
    }

    @Test
    void aLoaderWithWorkersEndsWithTheRefusalInsteadOfHanging() throws IOException {
        Path pipe = folderWithPipe(false);
        ImageFolder folder = new ImageFolder(dir).resize(4, 4);
        for (int workers : new int[] {0, 2}) {
            DataLoader loader = new DataLoader(folder, 1).numWorkers(workers);
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                RuntimeException e = assertThrows(IllegalArgumentException.class, () -> {
                    for (Batch b : loader) {
                        assertTrue(b.inputs().size(0) == 1);
                    }
                });
                assertRefused(pipe, e);
            }, workers + " workers");
        }
    }
}
