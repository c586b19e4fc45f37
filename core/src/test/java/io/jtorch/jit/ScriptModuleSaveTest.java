package io.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.nn.Linear;
import io.jtorch.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptModuleSaveTest {
    @TempDir
    Path dir;

    @Test
    void theArchivesRootFolderIsNamedAfterTheSavedFile() throws IOException {
        Path file = dir.resolve("finetuned.pt");
        Jit.script(new Sequential(new Linear(2, 3))).save(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                assertTrue(e.getName().startsWith("finetuned/"), e.getName());
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file or folder is left beside the model");
        }
    }
}
