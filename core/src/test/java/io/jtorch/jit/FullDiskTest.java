package io.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScriptModule#save} where the file system refuses the write: a full disk (a 1 MiB tmpfs
 * mounted by the test, which needs root), a folder that is gone before or during the save, and a
 * read-only target (a tmpfs remounted read-only, and an immutable file where {@code chattr +i}
 * works: root ignores file modes, so {@code chmod} would test nothing). Each save runs in a JVM
 * of its own ({@link SaveFailureMain}), because libtorch's writer used to abort the process on a
 * full disk (SIGABRT from {@code ~PyTorchStreamWriter}, leaving its staging folder behind). Each
 * must end in an {@link IOException} with a one-line message, the previous file intact and no
 * temporary file left, neither beside the target nor in the temporary directory.
 */
class FullDiskTest {
    /** A Linear(512, 1024): about 2 MiB of parameters, more than the 1 MiB disk holds. */
    private static final String[] BIG = {"512", "1024"};
    private static final String[] SMALL = {"16", "4"};

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            command("umount", mounted.toString());
        }
    }

    @Test
    void aFullDiskEndsInIOExceptionWithThePreviousFileIntact() throws Exception {
        Path disk = mountTmpfs("size=1m");
        Path target = disk.resolve("model.pt");
        assertEquals("saved", save(target, SMALL));
        byte[] previous = Files.readAllBytes(target);
        String result = save(target, BIG);
        assertIOException(result, "No space left on device");
        assertArrayEquals(previous, Files.readAllBytes(target), "the previous file is intact");
        assertOnly(disk, "model.pt");
        assertEquals("saved", save(target, SMALL), "the disk is usable again: nothing was left on it");
    }

    @Test
    void aMissingFolderEndsInIOException() throws Exception {
        String result = save(dir.resolve("gone").resolve("model.pt"), SMALL);
        assertIOException(result, "no such folder");
        assertFalse(Files.exists(dir.resolve("gone")));
    }

    @Test
    void aFolderDeletedDuringTheSaveEndsInIOException() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("vanishing"));
        Process child = start(folder.resolve("model.pt"), "2048", "4096"); // 32 MiB: the save takes a while
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (isEmpty(folder) && System.nanoTime() < deadline && child.isAlive()) {
            Thread.onSpinWait();
        }
        assertTrue(child.isAlive(), "the save ended before its temporary file could be seen");
        io.jtorch.serialization.AtomicFiles.deleteTree(folder);
        assertFalse(Files.exists(folder));
        assertIOException(finish(child), "");
        assertFalse(Files.exists(folder), "nothing recreated the folder");
    }

    @Test
    void aReadOnlyFileSystemEndsInIOExceptionWithThePreviousFileIntact() throws Exception {
        Path disk = mountTmpfs("size=4m");
        Path target = disk.resolve("model.pt");
        assertEquals("saved", save(target, SMALL));
        byte[] previous = Files.readAllBytes(target);
        assumeTrue(command("mount", "-o", "remount,ro", disk.toString()) == 0, "cannot remount the tmpfs read-only");
        assertIOException(save(target, SMALL), "Read-only file system");
        assertArrayEquals(previous, Files.readAllBytes(target));
        assertOnly(disk, "model.pt");
    }

    @Test
    void anImmutableTargetEndsInIOExceptionWithThePreviousFileIntact() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("immutable"));
        Path target = folder.resolve("model.pt");
        assertEquals("saved", save(target, SMALL));
        byte[] previous = Files.readAllBytes(target);
        assumeTrue(command("chattr", "+i", target.toString()) == 0, "chattr +i is not supported here");
        try {
            assertIOException(save(target, BIG), "Operation not permitted");
            assertArrayEquals(previous, Files.readAllBytes(target));
            assertOnly(folder, "model.pt");
        } finally {
            command("chattr", "-i", target.toString());
        }
    }

    // ---------------------------------------------------------------- helpers

    private Path mountTmpfs(String options) throws Exception {
        assumeTrue(isRoot(), "mounting a small tmpfs needs root; the full-disk cases are not run");
        Path disk = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", options, "tmpfs", disk.toString()) == 0, "mount -t tmpfs failed");
        mounted = disk;
        return disk;
    }

    private static boolean isRoot() throws Exception {
        Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 && uid.equals("0");
    }

    private static int command(String... args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    /** The line {@link SaveFailureMain} printed for one save in a JVM of its own. */
    private String save(Path target, String... features) throws Exception {
        return finish(start(target, features));
    }

    private Process start(Path target, String... features) throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), SaveFailureMain.class.getName(), target.toString(),
                features[0], features[1]).redirectErrorStream(true).start();
    }

    private String finish(Process child) throws Exception {
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(3, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the saving JVM did not finish in 3 minutes");
        }
        assertEquals(0, child.exitValue(), "the saving JVM died (a crash in native code?):\n" + output);
        List<String> lines = output.lines().filter(l -> l.startsWith("saved") || l.startsWith("ioexception") || l.startsWith("other")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(isEmpty(dir.resolve("tmp")), "the named pipe's folder was removed");
        return lines.get(0);
    }

    private static void assertIOException(String line, String reason) {
        String[] f = line.split("\t");
        assertEquals("ioexception", f[0], line);
        assertFalse(f[2].contains("\u2424"), "one line: " + f[2]);
        assertTrue(f[2].contains(reason), f[2]);
    }

    private static void assertOnly(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(name), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left in " + folder);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
