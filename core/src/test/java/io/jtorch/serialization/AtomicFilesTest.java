package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void missingFolderThrowsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(dir.resolve("absent/f.bin"), new byte[] {1}));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
