package io.shopops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the benchmarks' reports say about the machine they ran on.
 */
public final class BenchMachine {

	private BenchMachine() {
	}

	/**
	 * The cores and the CPU model.
	 * @return e.g. {@code 2 cores (nproc) of Intel(R) Xeon(R) Processor}
	 */
	public static String machine() {
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((l) -> l.startsWith("model name"))
				.map((l) -> l.substring(l.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		catch (IOException ex) {
			// not Linux
		}
		return Runtime.getRuntime().availableProcessors() + " cores (nproc) of " + cpu;
	}

	/**
	 * The load averages over 1, 5 and 15 minutes.
	 * @return e.g. {@code 1.20 0.80 0.50}
	 */
	public static String loadAverage() {
		try {
			return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

}
