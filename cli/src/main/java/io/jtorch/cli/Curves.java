package io.jtorch.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of a run: validation accuracy (solid, left axis) and training loss (dashed, right
 * axis) per epoch for every phase, on one chart with a legend. A phase that continues another
 * (fine-tuning after the head-only phase) continues its epoch numbers.
 */
final class Curves {
    static final int WIDTH = 1100;
    static final int HEIGHT = 520;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)};

    private Curves() {}

    /**
     * Draws the chart to a PNG.
     *
     * @param offsets the epoch at which each phase starts (0 for a phase that starts fresh)
     */
    static void write(List<PhaseResult> phases, List<Integer> offsets, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Fine-tuning: validation accuracy and training loss")
                .xAxisTitle("epoch").yAxisTitle("validation accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(0, "validation accuracy");
        chart.setYAxisGroupTitle(1, "training loss");
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMax(0, 1.0);
        for (int i = 0; i < phases.size(); i++) {
            PhaseResult p = phases.get(i);
            List<Double> x = new ArrayList<>();
            List<Double> acc = new ArrayList<>();
            List<Double> loss = new ArrayList<>();
            for (PhaseResult.Epoch e : p.epochs) {
                x.add((double) (offsets.get(i) + e.epoch()));
                acc.add(e.valAccuracy());
                loss.add(e.trainLoss());
            }
            if (x.isEmpty()) {
                continue;
            }
            Color color = COLORS[i % COLORS.length];
            XYSeries a = chart.addSeries(p.name + " (val acc)", x, acc);
            a.setLineColor(color);
            a.setMarkerColor(color);
            a.setMarker(SeriesMarkers.CIRCLE);
            a.setLineStyle(new BasicStroke(2.5f));
            XYSeries l = chart.addSeries(p.name + " (train loss)", x, loss);
            l.setYAxisGroup(1);
            l.setLineColor(color);
            l.setMarker(SeriesMarkers.NONE);
            l.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        String name = png.getFileName().toString();
        String base = name.endsWith(".png") ? png.resolveSibling(name.substring(0, name.length() - 4)).toString() : png.toString();
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
