package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Device;
import io.jtorch.Tensor;
import io.jtorch.jit.ScriptModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fine-tuning run stopped mid-way and resumed from its checkpoint ends exactly where an uninterrupted run does. */
class FinetuneResumeTest {
    @TempDir
    Path tmp;

    private static Finetune.Settings settings(Path out, int every, Path resume) {
        return new Finetune.Settings(null, null, null, null, 6, 3, 0.01, 0.1, "adam", 8, 3, 1, 0, 0, null, Device.CPU, true, null, out, every,
                resume, null, null);
    }

    private static Progress quiet() {
        return new Progress(new PrintWriter(new StringWriter()), false);
    }

    /** Progress that stops the run, as a kill would, when a given epoch of a given phase ends. */
    private static Progress stoppingAt(String phase, int epoch) {
        return new Progress(new PrintWriter(new StringWriter()), false) {
            @Override
            void epochDone(String name, int e, int epochs, double loss, double accuracy, double seconds, boolean cached) {
                if (name.equals(phase) && e == epoch) {
                    throw new IllegalStateException("stopped");
                }
            }
        };
    }

    @Test
    void resumingInPhaseTwoAndThreeGivesTheUninterruptedResults() throws Exception {
        List<PhaseResult> straight = new Finetune(settings(tmp.resolve("a"), 0, null), quiet(), Distribution.alone()).run();
        for (String phase : new String[] {Finetune.FINETUNE, Finetune.SCRATCH}) {
            Path out = tmp.resolve("b-" + phase.charAt(0));
            IllegalStateException stop = assertThrows(IllegalStateException.class,
                    () -> new Finetune(settings(out, 1, null), stoppingAt(phase, 2), Distribution.alone()).run());
            assertEquals("stopped", stop.getMessage());
            Path checkpoint = out.resolve(Finetune.CHECKPOINT);
            assertTrue(Files.exists(checkpoint));
            List<PhaseResult> resumed = new Finetune(settings(out, 1, checkpoint), quiet(), Distribution.alone()).run();
            assertEquals(straight.size(), resumed.size());
            for (int p = 0; p < straight.size(); p++) {
                assertEquals(straight.get(p).epochs.size(), resumed.get(p).epochs.size(), phase + ": epochs of phase " + p);
                for (int e = 0; e < straight.get(p).epochs.size(); e++) {
                    PhaseResult.Epoch x = straight.get(p).epochs.get(e);
                    PhaseResult.Epoch y = resumed.get(p).epochs.get(e);
                    assertEquals(x.trainLoss(), y.trainLoss(), 0.0, phase + ": loss of phase " + p + " epoch " + e);
                    assertEquals(x.valAccuracy(), y.valAccuracy(), 0.0, phase + ": accuracy of phase " + p + " epoch " + e);
                }
            }
            Map<String, Tensor> a = ScriptModule.load(tmp.resolve("a").resolve(Outputs.MODEL)).stateDict();
            Map<String, Tensor> b = ScriptModule.load(out.resolve(Outputs.MODEL)).stateDict();
            for (String k : a.keySet()) {
                assertTrue(a.get(k).equal(b.get(k)), phase + ": " + k + " differs from the uninterrupted run");
            }
        }
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefused() throws Exception {
        Path out = tmp.resolve("c");
        assertThrows(IllegalStateException.class, () -> new Finetune(settings(out, 1, null), stoppingAt(Finetune.HEAD_ONLY, 2), Distribution.alone()).run());
        Finetune.Settings other = new Finetune.Settings(null, null, null, null, 7, 3, 0.01, 0.1, "adam", 8, 3, 1, 0, 0, null, Device.CPU,
                true, null, out, 1, out.resolve(Finetune.CHECKPOINT), null, null);
        UserError e = assertThrows(UserError.class, () -> new Finetune(other, quiet(), Distribution.alone()).run());
        assertTrue(e.getMessage().contains("was written by a run with other settings"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().endsWith("repeat that run's options: --per-class 6"), e.getMessage());
    }
}
