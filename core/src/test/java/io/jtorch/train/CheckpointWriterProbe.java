package io.jtorch.train;

import io.jtorch.NoGrad;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Parameter;
import io.jtorch.optim.SGD;
import java.nio.file.Path;

/**
 * Writes large checkpoints to one path, one after another, until killed. Version v has every
 * weight equal to v; after each save it prints "saved v". Run in its own JVM by
 * {@link KilledWriterTest}, which kills it at random moments.
 */
public final class CheckpointWriterProbe {
    private CheckpointWriterProbe() {}

    /** Args: the checkpoint path, the first version number. */
    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        long version = Long.parseLong(args[1]);
        Linear big = new Linear(2048, 2048);
        SGD optimizer = new SGD(big.parameters(), 0.1);
        while (true) {
            try (NoGrad g = Torch.noGrad()) {
                for (Parameter p : big.parameters()) {
                    p.fill_((double) version);
                }
            }
            Checkpoint.of(big, optimizer).epoch((int) version).extra("version", version).save(path);
            System.out.println("saved " + version);
            System.out.flush();
            version++;
        }
    }
}
