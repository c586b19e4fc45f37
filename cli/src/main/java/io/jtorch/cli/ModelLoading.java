package io.jtorch.cli;

import io.jtorch.Device;
import io.jtorch.jit.LoadOptions;
import io.jtorch.jit.ScriptModule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How the CLI loads TorchScript models: checked, with the model's load-time code and file
 * operators refused unless {@code --trust-model-code} was given. One command runs per process,
 * so the option is kept here for the run.
 */
final class ModelLoading {
    private static volatile boolean trustCode;

    private ModelLoading() {}

    /** Set from {@code --trust-model-code}. */
    static void trustCode(boolean trust) {
        trustCode = trust;
    }

    static ScriptModule load(Path path, Device device) throws IOException {
        LoadOptions options = LoadOptions.defaults().withDevice(device);
        return ScriptModule.load(path, trustCode ? options.trustCode() : options);
    }
}
