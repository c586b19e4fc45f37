package io.jtorch.distributed;

import org.bytedeco.pytorch.GlooDeviceVector;
import org.bytedeco.pytorch.ProcessGroupGloo;

/** Chooses the network interfaces Gloo connects the ranks through, as torch.distributed does. */
final class GlooDevices {
    private GlooDevices() {}

    /**
     * Adds to {@code devices}: the interfaces named in {@code GLOO_SOCKET_IFNAME} (comma-separated)
     * when it is set; the loopback interface when every rank runs on this machine; otherwise the
     * address this machine's hostname resolves to (libtorch falls back to loopback when it does
     * not resolve).
     */
    static void add(GlooDeviceVector devices, Store store) {
        String ifnames = System.getenv("GLOO_SOCKET_IFNAME");
        if (ifnames != null && !ifnames.isBlank()) {
            for (String name : ifnames.split(",")) {
                devices.push_back(ProcessGroupGloo.createDeviceForInterface(name.trim()));
            }
        } else if (store.isLocal()) {
            devices.push_back(ProcessGroupGloo.createDeviceForHostname("127.0.0.1"));
        } else {
            devices.push_back(ProcessGroupGloo.createDefaultDevice());
        }
    }
}
