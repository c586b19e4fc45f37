package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-or-nothing file replacement. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeCreatesTheFileWithTheWrittenBytes() throws Exception {
        Path target = dir.resolve("new.bin");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of("new.bin"), files());
    }

    @Test
    void writeReplacesAnExistingFile() throws Exception {
        Path target = Files.writeString(dir.resolve("f.txt"), "old contents, longer than the new");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void failureMidWriteKeepsTheOldFileAndLeavesNoTemporary() throws Exception {
        Path target = Files.writeString(dir.resolve("f.txt"), "old");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // more than the buffer: part of it has reached the temporary file
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("f.txt"), files());
    }

    @Test
    void runtimeFailureAlsoLeavesNoTemporary() throws Exception {
        Path target = dir.resolve("never.bin");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals(List.of(), files());
    }

    @Test
    void writerMayCloseTheStream() throws Exception {
        Path target = dir.resolve("closed.bin");
        AtomicFiles.write(target, out -> {
            try (out) {
                out.write(new byte[] {9, 8});
            }
        });
        assertArrayEquals(new byte[] {9, 8}, Files.readAllBytes(target));
    }

    @Test
    void writingDeletesTemporariesOfDeadWritersOfThisMachineOnly() throws Exception {
        Path target = dir.resolve("model.pt");
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        finished.waitFor();
        long dead = finished.pid();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        String host = AtomicFiles.host();
        org.junit.jupiter.api.Assumptions.assumeFalse(host.isEmpty(), "this machine's name is unknown, so nothing is ever deleted");
        Path abandoned = Files.writeString(dir.resolve(".model.pt." + host + "-" + dead + "-1f.tmp"), "half");
        Path running = Files.writeString(dir.resolve(".model.pt." + host + "-" + alive + "-2e.tmp"), "in progress");
        Path otherMachine = Files.writeString(dir.resolve(".model.pt.elsewhere-" + dead + "-3d.tmp"), "not ours to judge");
        Path otherTarget = Files.writeString(dir.resolve(".other.pt." + host + "-" + dead + "-4c.tmp"), "another file's");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(abandoned), "a dead writer's temporary file is still there");
        assertTrue(Files.exists(running));
        assertTrue(Files.exists(otherMachine));
        assertTrue(Files.exists(otherTarget));
    }

    @Test
    void aStagingFolderLeftByAKilledRunIsDeletedByTheNextOne() throws Exception {
        Path target = dir.resolve("out");
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        finished.waitFor();
        String host = AtomicFiles.host();
        org.junit.jupiter.api.Assumptions.assumeFalse(host.isEmpty(), "this machine's name is unknown, so nothing is ever deleted");
        Path abandoned = Files.createDirectories(dir.resolve(".out." + host + "-" + finished.pid() + "-5a.tmp").resolve(".work"));
        Files.writeString(abandoned.resolve("half.pt"), "half");
        Path staging = AtomicFiles.stagingDirectory(target);
        assertFalse(Files.exists(abandoned.getParent()), "the killed run's staging folder is still there");
        assertTrue(Files.isDirectory(staging));
        assertEquals(dir.toAbsolutePath(), staging.getParent());
        AtomicFiles.deleteTree(staging);
        assertEquals(List.of(), files());
    }

    @Test
    void writeViaGivesTheWriterAPathWithTheTargetsName() throws IOException {
        Path target = dir.resolve("finetuned.pt");
        List<String> seen = new java.util.ArrayList<>();
        AtomicFiles.writeVia(target, p -> {
            seen.add(p.getFileName().toString());
            Files.writeString(p, "archive");
        });
        assertEquals(List.of("finetuned.pt"), seen);
        assertEquals("archive", Files.readString(target));
        assertEquals(List.of("finetuned.pt"), files(), "nothing but the target is left");
    }

    @Test
    void missingFolderThrowsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(dir.resolve("absent/f.bin"), new byte[] {1}));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
