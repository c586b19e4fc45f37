package io.jtorch.distributed;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Parameter;
import io.jtorch.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One process of the distributed tests, started by {@link DistributedDataParallelTest} in a JVM
 * of its own. Arguments: mode (train; exit or hang, where rank 1 exits or stops answering after
 * two steps), rank, world size, init method, output folder, collective timeout in milliseconds. On failure it prints one line, "worker rank R: message", to stderr
 * and exits with status 1.
 */
public final class DistributedWorker {
    private DistributedWorker() {}

    public static void main(String[] args) {
        String mode = args[0];
        int rank = Integer.parseInt(args[1]);
        int world = Integer.parseInt(args[2]);
        Path out = Path.of(args[4]);
        try {
            Torch.setNumThreads(1);
            // Joining may take long on a busy machine; collectives then fail after the given timeout.
            Store store = Distributed.store(args[3], world, rank, Duration.ofSeconds(60));
            Distributed.initProcessGroup(Backend.GLOO, store, world, rank, Duration.ofMillis(Long.parseLong(args[5])));
            List<String> report = new ArrayList<>();
            if (mode.equals("train")) {
                report.addAll(collectives(rank));
            }
            // Rank 1 starts from other weights: the wrapper must copy rank 0's.
            Sequential model = TinyJob.model(rank == 0 ? 0 : 99);
            try (DistributedDataParallel ddp = new DistributedDataParallel(model, new DistributedDataParallel.Options().bucketCapMb(0.0005))) {
                report.add("initial " + checksum(model));
                double seconds = TinyJob.train(ddp, model, world, rank, step -> {
                    if (step == 3 && rank == 1 && mode.equals("exit")) {
                        System.exit(3);
                    }
                    if (step == 3 && rank == 1 && mode.equals("hang")) {
                        Thread.sleep(120_000);
                    }
                });
                report.add(String.format(Locale.ROOT, "step_seconds %.6f", seconds));
            }
            Torch.save(model.stateDict(), out.resolve("rank" + rank + ".pt"));
            Files.write(out.resolve("rank" + rank + ".txt"), report);
            Distributed.destroyProcessGroup();
            System.exit(0);
        } catch (Throwable e) {
            System.err.println("worker rank " + rank + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static List<String> collectives(int rank) {
        List<String> lines = new ArrayList<>();
        Tensor t = Torch.tensor((float) (rank + 1), 10f * (rank + 1));
        Distributed.allReduce(t);
        lines.add("all_reduce_sum " + join(t));
        Tensor m = Torch.tensor((float) (rank + 1), -(float) rank);
        Distributed.allReduce(m, ReduceOp.MAX);
        lines.add("all_reduce_max " + join(m));
        Tensor b = Torch.tensor(rank * 100f);
        Distributed.broadcast(b, 1);
        lines.add("broadcast_from_1 " + join(b));
        Distributed.barrier();
        lines.add("rank " + Distributed.getRank() + " of " + Distributed.getWorldSize());
        return lines;
    }

    private static String join(Tensor t) {
        StringBuilder s = new StringBuilder();
        for (float v : t.toFloatArray()) {
            s.append(s.length() == 0 ? "" : " ").append(v);
        }
        return s.toString();
    }

    private static String checksum(Sequential model) {
        double sum = 0;
        for (Parameter p : model.parameters()) {
            sum += p.sum().item();
        }
        return String.format(Locale.ROOT, "%.6f", sum);
    }
}
