package io.jtorch.cli;

import io.jtorch.distributed.Distributed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the launcher tells each worker process of a data-parallel job, through the environment
 * variables {@code torchrun} sets: {@code RANK}, {@code LOCAL_RANK}, {@code WORLD_SIZE},
 * {@code LOCAL_WORLD_SIZE}, and the rendezvous, as {@code JTORCH_INIT_METHOD} (a file on this
 * machine) or {@code MASTER_ADDR} and {@code MASTER_PORT} (rank 0's TCP store).
 *
 * @param rank this worker's rank in the job
 * @param localRank its index among the workers of its machine (its CUDA device)
 * @param worldSize the number of workers in the job
 * @param localWorldSize the number of workers on its machine
 * @param rendezvous {@code file:///path} or {@code tcp://host:port}
 * @param terminal whether the launcher writes to a terminal, so that rank 0 may draw progress bars
 */
record WorkerEnv(int rank, int localRank, int worldSize, int localWorldSize, String rendezvous, boolean terminal) {
    static final String TERMINAL = "JTORCH_TERMINAL";

    /** This process's worker settings, or {@code null} when it was not started as a worker ({@code RANK} unset). */
    static WorkerEnv current() {
        return from(System.getenv());
    }

    static WorkerEnv from(Map<String, String> env) {
        if (env.get("RANK") == null || env.get("WORLD_SIZE") == null) {
            return null;
        }
        int world = number(env, "WORLD_SIZE", "1");
        String rendezvous = env.get(Distributed.INIT_METHOD_ENV);
        if (rendezvous == null) {
            rendezvous = "tcp://" + env.getOrDefault("MASTER_ADDR", "127.0.0.1") + ":" + env.getOrDefault("MASTER_PORT", "29500");
        }
        return new WorkerEnv(number(env, "RANK", "0"), number(env, "LOCAL_RANK", "0"), world, number(env, "LOCAL_WORLD_SIZE",
                Integer.toString(world)), rendezvous, "1".equals(env.get(TERMINAL)));
    }

    private static int number(Map<String, String> env, String name, String otherwise) {
        String v = env.getOrDefault(name, otherwise).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UserError("environment variable " + name + " must be an integer, got '" + v + "'");
        }
    }

    /** The environment variables that make a process this worker. */
    Map<String, String> toEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RANK", Integer.toString(rank));
        env.put("LOCAL_RANK", Integer.toString(localRank));
        env.put("WORLD_SIZE", Integer.toString(worldSize));
        env.put("LOCAL_WORLD_SIZE", Integer.toString(localWorldSize));
        if (rendezvous.startsWith("tcp://")) {
            String hostPort = rendezvous.substring("tcp://".length());
            int colon = hostPort.lastIndexOf(':');
            env.put("MASTER_ADDR", hostPort.substring(0, colon));
            env.put("MASTER_PORT", hostPort.substring(colon + 1));
        } else {
            env.put(Distributed.INIT_METHOD_ENV, rendezvous);
        }
        env.put(TERMINAL, terminal ? "1" : "0");
        return env;
    }
}
