package io.shopops.growth.outreach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: it sends nothing anywhere, but logs each message and appends it as
 * one tab-separated line (time, id, channel, address, subject, body with line breaks as
 * {@code \n}) to {@code shopops.outreach.outbox-file}, for shops without a provider yet
 * and for demos.
 */
class LogFileMessageSender implements MessageSender {

	private static final Logger log = LoggerFactory.getLogger(LogFileMessageSender.class);

	private final Path file;

	LogFileMessageSender(Path file) {
		this.file = file;
	}

	@Override
	public synchronized void send(OutboundMessage message) throws IOException {
		log.info("Outreach message #{} via {} to {}: {}", message.id(), message.channel(), message.address(),
				oneLine(message.body()));
		if (this.file == null) {
			return;
		}
		Path parent = this.file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		String line = String.join("\t", Instant.now().toString(), Long.toString(message.id()), message.channel(),
				oneLine(message.address()), oneLine(message.subject()), oneLine(message.body())) + "\n";
		Files.writeString(this.file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	Path file() {
		return this.file;
	}

	private static String oneLine(String text) {
		return (text == null) ? ""
				: text.replace("\\", "\\\\").replace("\t", " ").replace("\r", "").replace("\n", "\\n");
	}

}
