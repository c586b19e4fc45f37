package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.train.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static String drawEpoch(int columns) throws InterruptedException {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), true, columns);
        ProgressListener l = p.epoch(Finetune.FINETUNE, 15, 15);
        for (int batch = 1; batch <= 3; batch++) {
            l.onBatch(batch * 1000L, 3000L, 1.234567, 123456.7);
            Thread.sleep(110); // the bar redraws at most every 100 ms
        }
        p.epochDone(Finetune.FINETUNE, 15, 15, 0.0275, 0.794, 12345.67, true);
        return text.toString();
    }

    @Test
    void everyDrawnLineFitsAnEightyColumnTerminal() throws InterruptedException {
        String out = drawEpoch(80);
        for (String segment : out.split("[\r\n]")) {
            assertTrue(segment.length() <= 79, "'" + segment + "' is " + segment.length() + " characters");
        }
        assertTrue(out.contains("3000/3000"), out);
        assertTrue(out.contains("val acc 0.794"), out);
    }

    @Test
    void theEpochLineOverwritesTheWholeBar() throws InterruptedException {
        String out = drawEpoch(80);
        String last = out.substring(out.lastIndexOf('\r') + 1).replace("\n", "");
        assertTrue(last.length() == 79, "the summary is padded to the bar's width: '" + last + "'");
        assertFalse(last.contains("img/s"), "no part of the bar is left on the summary line: " + last);
    }

    @Test
    void aNarrowTerminalStillGetsABar() throws InterruptedException {
        for (String segment : drawEpoch(50).split("[\r\n]")) {
            assertTrue(segment.length() <= 49, segment);
        }
    }
}
