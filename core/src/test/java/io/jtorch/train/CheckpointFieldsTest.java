package io.jtorch.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.optim.SGD;
import io.jtorch.serialization.TorchSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint's fields are data from outside: each is type- and range-checked, with one line naming the file and the field. */
class CheckpointFieldsTest {
    @TempDir
    Path dir;

    private Path tampered(String field, Object value) throws IOException {
        Linear model = new Linear(4, 3);
        SGD sgd = new SGD(model.parameters(), 0.1).momentum(0.9);
        Path file = dir.resolve(field + ".pt");
        Checkpoint.of(model, sgd).epoch(2).extra("phase", 1L).save(file);
        @SuppressWarnings("unchecked")
        Map<Object, Object> c = new LinkedHashMap<>((Map<Object, Object>) TorchSerialization.load(file));
        if (value == null) {
            c.remove(field);
        } else {
            c.put(field, value);
        }
        Torch.save(c, file);
        return file;
    }

    private String refusal(String field, Object value) throws IOException {
        Path file = tampered(field, value);
        return assertThrows(IllegalArgumentException.class, () -> {
            Linear model = new Linear(4, 3);
            Checkpoint.load(file).restore(model, new SGD(model.parameters(), 0.1).momentum(0.9), null, null);
        }).getMessage();
    }

    @Test
    void aNegativeOrAbsurdEpochIsRefused() throws IOException {
        assertTrue(refusal("epoch", -5L).endsWith("epoch.pt: checkpoint field 'epoch' is the int -5; expected an int from 0 to 1000000"));
        assertTrue(refusal("epoch", 1_000_000_000_000L).contains("the int 1000000000000; expected an int from 0 to 1000000"));
        assertTrue(refusal("epoch", "3").contains("field 'epoch' is a str"));
        assertTrue(refusal("epoch", 2.0).contains("field 'epoch' is the float 2.0"));
    }

    @Test
    void retypedFieldsAreRefusedWithTheirName() throws IOException {
        assertTrue(refusal("model", java.util.List.of(1L)).contains("field 'model' is a list; expected a dict of tensors by name"));
        assertTrue(refusal("optimizer", "sgd").contains("field 'optimizer' is a str; expected a dict"));
        assertTrue(refusal("rng_state", 7L).contains("field 'rng_state' is the int 7; expected a generator state"));
        assertTrue(refusal("extra", Torch.zeros(2)).contains("field 'extra' is a tensor"));
        assertTrue(refusal("optimizer", Map.of("state", 1L)).contains("checkpoint field 'optimizer'"));
    }

    @Test
    void aMissingFieldIsNamedWithTheFile() throws IOException {
        String m = refusal("rng_state", null);
        assertTrue(m.endsWith("rng_state.pt: the checkpoint has no 'rng_state' to restore"), m);
    }

    @Test
    void typedExtraValuesNameTheField() throws IOException {
        Checkpoint c = Checkpoint.load(tampered("epoch", 2L));
        assertEquals(1, c.extraLong("phase", 1, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.extraLong("phase", 2, 3)).getMessage()
                .contains("checkpoint field 'extra.phase' is the int 1; expected an int from 2 to 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.extraString("settings")).getMessage()
                .contains("'extra.settings' is missing (None); expected a str"));
        assertEquals(2, c.epoch());
    }
}
