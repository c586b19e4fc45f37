package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples compile with the imports users write: each {@code import io.jtorch.pkg.Name;}
 * turned into {@code import io.jtorch.pkg.*;}, except {@code import io.jtorch.nn.Module;}, which
 * the README tells users to keep beside the wildcard because of {@code java.lang.Module}.
 */
class ExamplesWildcardImportTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "src", "main", "java");

    @TempDir
    Path out;

    static String withWildcards(String source) {
        return source.replaceAll("(?m)^import (io\\.jtorch(\\.\\w+)*)\\.(?!Module;)[A-Z]\\w*;", "import $1.*;");
    }

    @Test
    void everyExampleCompilesWithWildcardImports() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = EXAMPLES.relativize(f).toString().replace(".java", "").replace('/', '.');
                sources.put(name, withWildcards(Files.readString(f)));
            }
        }
        assertFalse(sources.isEmpty(), "examples found under " + EXAMPLES.toAbsolutePath());
        assertEquals(List.of(), JavaCompile.errors(sources, out).stream().map(Object::toString).toList());
    }

    @Test
    void theRewriteTurnsNamedImportsIntoWildcardsButKeepsModule() {
        assertEquals("import io.jtorch.nn.*;\nimport io.jtorch.nn.Module;\nimport java.util.List;\n",
                withWildcards("import io.jtorch.nn.Linear;\nimport io.jtorch.nn.Module;\nimport java.util.List;\n"));
    }
}
