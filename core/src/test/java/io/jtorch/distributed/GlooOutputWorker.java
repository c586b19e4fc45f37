package io.jtorch.distributed;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.time.Duration;
import java.util.Arrays;

/**
 * One rank of {@link GlooOutputTest}, in a JVM of its own: joins a Gloo group of two through a
 * file store, sums a tensor over the ranks, prints one line with the result and leaves.
 * Arguments: rank, init method.
 */
public final class GlooOutputWorker {
    private GlooOutputWorker() {}

    public static void main(String[] args) {
        int rank = Integer.parseInt(args[0]);
        Distributed.initProcessGroup(Backend.GLOO, args[1], 2, rank, Duration.ofSeconds(60));
        Tensor t = Torch.tensor(1f, 2f);
        Distributed.allReduce(t);
        System.out.println("rank " + rank + " sum " + Arrays.toString(t.toFloatArray()));
        Distributed.destroyProcessGroup();
    }
}
