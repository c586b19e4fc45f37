package io.jtorch.jit;

/**
 * A Java module whose {@code forward} has a TorchScript twin, so that {@link Jit#script} can
 * translate it (and any model built from it) into a file Python's {@code torch.jit.load} runs.
 *
 * <p>{@link Jit#script} registers the module's own parameters and buffers under their names,
 * converts each child module (recursively) and registers it under its name, then compiles the
 * source returned here as the class's methods. The source refers to them as {@code self.weight},
 * {@code self.fc}, {@code getattr(self, "0")}, and reads the training flag as
 * {@code self.training}. Children are called through their method, {@code self.fc.forward(x)}:
 * classes compiled this way have no {@code __call__}. Hyper-parameters are written into the
 * source as literals.
 *
 * <p>Example, for a layer computing {@code x * sigmoid(x)}:
 * <pre>{@code
 * public String torchScript() {
 *     return "def forward(self, x: Tensor) -> Tensor:\n"
 *          + "    return x * torch.sigmoid(x)\n";
 * }
 * }</pre>
 */
public interface TorchScriptable {
    /**
     * {@return the TorchScript source of the class's methods, at least {@code forward}: each
     * {@code def} at column 0, bodies indented by four spaces, lines ending in {@code \n}}
     */
    String torchScript();
}
