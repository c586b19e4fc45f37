package io.jtorch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary printed at the end of a run: one row per phase. */
final class SummaryTable {
    private SummaryTable() {}

    static String render(List<PhaseResult> phases) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"phase", "trainable", "frozen", "epochs", "time", "train loss", "val acc"});
        for (PhaseResult p : phases) {
            PhaseResult.Epoch last = p.last();
            rows.add(new String[] {
                p.name,
                String.format(Locale.ROOT, "%,d", p.trainableParameters),
                String.format(Locale.ROOT, "%,d", p.frozenParameters),
                Integer.toString(p.epochs.size()),
                String.format(Locale.ROOT, "%.1f s", p.wallSeconds),
                last == null ? "-" : String.format(Locale.ROOT, "%.4f", last.trainLoss()),
                last == null ? "-" : String.format(Locale.ROOT, "%.3f", last.valAccuracy()),
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            for (int i = 0; i < r.length; i++) {
                String cell = i == 0 ? pad(r[i], widths[i], false) : pad(r[i], widths[i], true);
                s.append(i == 0 ? "" : "  ").append(cell);
            }
            s.append('\n');
            if (k == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w;
                }
                s.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
            }
        }
        return s.toString();
    }

    private static String pad(String v, int width, boolean right) {
        String space = " ".repeat(width - v.length());
        return right ? space + v : v + space;
    }
}
