package io.jtorch.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's first code block is the example's code, and the example runs and learns. */
class TransferLearningTest {
    private static String normalise(String code) {
        return code.replaceAll("(?m)^\\s+", "").replaceAll("\\s+\\n", "\n").trim();
    }

    @Test
    void readmeShowsTheExampleVerbatim() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "the README has a java block");
        String example = Files.readString(Path.of("src/main/java/io/jtorch/examples/TransferLearning.java"));
        String block = normalise(m.group(1));
        assertTrue(normalise(example).contains(block), "the README's first java block must appear in TransferLearning.java as written:\n" + block);
    }

    @Test
    void theRecipeRunsAndTheNewTaskIsLearned() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            TransferLearning.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        Matcher acc = Pattern.compile("accuracy ([0-9.]+) after the recipe").matcher(out);
        assertTrue(acc.find(), out);
        assertTrue(Double.parseDouble(acc.group(1)) > 0.6, "the new task is learned well above chance (1/3):\n" + out);
    }
}
