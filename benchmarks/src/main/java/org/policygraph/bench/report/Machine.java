package org.policygraph.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: every figure depends on it.
 *
 * @param cores       processors the JVM sees
 * @param memoryGiB   physical memory
 * @param cpu         the processor's model name
 * @param java        the Java runtime
 * @param os          the operating system
 * @param loadAverage the one-minute load average when the run started (other work on the machine)
 */
public record Machine(int cores, double memoryGiB, String cpu, String java, String os, double loadAverage) {

    /** This machine, now. */
    public static Machine now() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                readMemoryGiB(),
                readCpu(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                currentLoadAverage());
    }

    /** The one-minute load average, or -1 where /proc is missing. */
    public static double currentLoadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double readMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say nothing rather than guess
        }
        return -1;
    }

    private static String readCpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
