package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.optim.SGD;
import io.jtorch.serialization.TorchSerialization;
import io.jtorch.train.Checkpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jtorch finetune --resume} with a tampered checkpoint (a field retyped, an epoch out of
 * range) ends with exit status 2 and one line naming the file and the field, never with exit 1
 * and a stack trace (a {@code ClassCastException} before), and never trains extra epochs.
 */
class ResumeCheckpointFieldsTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private Path checkpoint(String field, Object value, boolean inExtra) throws Exception {
        Linear model = new Linear(4, 3);
        Path file = dir.resolve(field + ".pt");
        Checkpoint.of(model, new SGD(model.parameters(), 0.1)).epoch(1).extra("phase", 1L).extra("settings", "x").extra("results", "[]")
                .save(file);
        Map<Object, Object> c = new LinkedHashMap<>((Map<Object, Object>) TorchSerialization.load(file));
        if (inExtra) {
            Map<Object, Object> extra = new LinkedHashMap<>((Map<Object, Object>) c.get("extra"));
            extra.put(field, value);
            c.put("extra", extra);
        } else {
            c.put(field, value);
        }
        Torch.save(c, file);
        return file;
    }

    private String[] resume(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"finetune", "--resume", file.toString(), "--out", dir.resolve("out").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(status), err.toString().strip()};
    }

    private void assertOneLineExit2(Path file, String expected) {
        String[] r = resume(file);
        assertEquals("2", r[0], r[1]);
        assertFalse(r[1].contains("\n"), "one line: " + r[1]);
        assertFalse(r[1].contains("Exception"), r[1]);
        assertTrue(r[1].startsWith("jtorch: ") && r[1].contains(file.getFileName().toString()) && r[1].contains(expected), r[1]);
    }

    @Test
    void aRetypedFieldEndsWithExit2AndOneLine() throws Exception {
        assertOneLineExit2(checkpoint("settings", 5L, true), "checkpoint field 'extra.settings' is the int 5; expected a str");
        assertOneLineExit2(checkpoint("epoch", "3", false), "checkpoint field 'epoch' is a str");
        assertOneLineExit2(checkpoint("model", 1.5, false), "checkpoint field 'model' is the float 1.5");
    }

    @Test
    void aNegativeOrAbsurdEpochEndsWithExit2() throws Exception {
        assertOneLineExit2(checkpoint("epoch", -5L, false), "'epoch' is the int -5; expected an int from 0 to 1000000");
        assertOneLineExit2(checkpoint("epoch", 1_000_000_000_000L, false), "'epoch' is the int 1000000000000");
    }
}
