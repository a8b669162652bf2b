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

	/**
	 * The CPU time the PostgreSQL server has used so far, in ticks of 10 ms: its
	 * postmaster and every child (backends, parallel workers, autovacuum), found from one
	 * of its backends, or -1 when it does not run on this machine.
	 * @param backendPid a backend's process id ({@code SELECT pg_backend_pid()})
	 * @return the ticks, or -1
	 */
	public static long postgresCpuTicks(long backendPid) {
		try {
			return ticksOfServer(stat(String.valueOf(backendPid))[1]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * The CPU time of Tomcat's request threads ({@code http-nio-…}): what the server
	 * spends on requests, without load generators running in the same JVM.
	 * @return nanoseconds
	 */
	public static long requestThreadsCpuNanos() {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("http-nio-")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	/**
	 * The CPU time of the PostgreSQL server the client is connected to and of its
	 * backends, from {@code /proc}.
	 * @param jdbc a client of the server
	 * @return milliseconds, -1 when the server is not a local process this JVM can see
	 */
	public static long postgresCpuMillis(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		try {
			String dataDirectory = jdbc.sql("SHOW data_directory").query(String.class).single();
			String postmaster = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip();
			return ticksOfServer(postmaster) * 10;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The CPU ticks of a postmaster and of every process it started. */
	private static long ticksOfServer(String postmaster) throws IOException {
		long ticks = 0;
		try (var dirs = Files.list(Path.of("/proc"))) {
			for (Path dir : dirs.toList()) {
				String pid = dir.getFileName().toString();
				if (!pid.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String[] fields = stat(pid);
					if (fields[1].equals(postmaster) || pid.equals(postmaster)) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (IOException | RuntimeException ex) {
					// the process ended
				}
			}
		}
		return ticks;
	}

	/** The fields of /proc/{pid}/stat after the command name: state, ppid, … */
	private static String[] stat(String pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", pid, "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

}
